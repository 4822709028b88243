import { cookies } from 'next/headers';
import { SESSION_COOKIE, sessionCookie, signOut } from '@/lib/admin/session';
import { isHttps, redirectTo } from '@/lib/http/handler';

// Revokes the session on the server, not only the cookie in this browser.
export async function POST(request: Request) {
  await signOut({ token: (await cookies()).get(SESSION_COOKIE)?.value });
  return redirectTo('/admin/sign-in', 303, { 'Set-Cookie': sessionCookie({ secure: isHttps(request) }) });
}
