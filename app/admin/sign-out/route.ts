import { cookies } from 'next/headers';
import { SESSION_COOKIE, signOut } from '@/lib/admin/session';

// Revokes the session on the server, not only the cookie in this browser.
export async function POST() {
  await signOut({ token: (await cookies()).get(SESSION_COOKIE)?.value });
  return new Response(null, {
    status: 303,
    headers: { Location: '/admin/sign-in', 'Set-Cookie': `${SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=0` },
  });
}
