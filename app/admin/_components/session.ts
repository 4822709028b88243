import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, sessionAdmin } from '@/lib/admin/session';
import type { Actor } from '@/lib/auth/credentials';
import { redirectTo } from '@/lib/http/handler';

// Every admin page and action asks lib (sessionAdmin) for the signed-in admin itself: no layout
// guards data on a page's behalf.

/** For pages: the signed-in admin, or a redirect to the sign-in form. */
export async function pageAdmin(): Promise<Actor> {
  const admin = await sessionAdmin({ token: (await cookies()).get(SESSION_COOKIE)?.value });
  if (!admin) redirect('/admin/sign-in');
  return admin;
}

/**
 * For route handlers (form posts, exports): runs `fn` for the signed-in admin, or answers 303 to the
 * sign-in form. The session cookie is SameSite=Lax, so a cross-site form post arrives without it.
 */
export function adminRoute<C>(fn: (admin: Actor, request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const admin = await sessionAdmin({ token: (await cookies()).get(SESSION_COOKIE)?.value });
    if (!admin) return redirectTo('/admin/sign-in', 303);
    return fn(admin, request, context);
  };
}
