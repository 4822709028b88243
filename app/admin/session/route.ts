import { signInForm } from '@/lib/admin/schemas';
import { SESSION_COOKIE, SESSION_TTL_MS, signIn } from '@/lib/admin/session';
import { readForm } from '@/lib/http/form';

const see = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });

// The sign-in form posts here: a session cookie and /admin, or back to the form with the reason.
export async function POST(request: Request) {
  const parsed = signInForm.safeParse(await readForm(request));
  if (!parsed.success) return see('/admin/sign-in?error=invalid');
  const result = await signIn(parsed.data);
  if (!result.ok) return see(`/admin/sign-in?error=${result.reason}`);
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const cookie = [
    `${SESSION_COOKIE}=${result.token}`,
    'Path=/admin',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${SESSION_TTL_MS / 1000}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
  return see('/admin', { 'Set-Cookie': cookie });
}
