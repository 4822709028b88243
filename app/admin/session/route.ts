import { signInForm } from '@/lib/admin/schemas';
import { sessionCookie, signIn } from '@/lib/admin/session';
import { readForm } from '@/lib/http/form';
import { clientAddress } from '@/lib/http/client-address';
import { isHttps, redirectTo } from '@/lib/http/handler';

// The sign-in form posts here: a session cookie and /admin, or back to the form with the reason.
export async function POST(request: Request) {
  const parsed = signInForm.safeParse(await readForm(request));
  if (!parsed.success) return redirectTo('/admin/sign-in?error=invalid', 303);
  const result = await signIn({ ...parsed.data, client: clientAddress(request.headers) });
  if (!result.ok) {
    const wait = result.retryAfterSeconds ? `&wait=${Math.ceil(result.retryAfterSeconds / 60)}` : '';
    return redirectTo(`/admin/sign-in?error=${result.reason}${wait}`, 303);
  }
  return redirectTo('/admin', 303, { 'Set-Cookie': sessionCookie({ token: result.token, secure: isHttps(request) }) });
}
