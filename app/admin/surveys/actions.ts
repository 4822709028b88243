'use server';

import { redirect } from 'next/navigation';
import { newSurveyForm } from '@/lib/admin/surveys/schemas';
import { createStarterSurvey } from '@/lib/admin/surveys/surveys';
import { pageAdmin } from '../_components/session';
import { formFields } from '@/lib/http/form';

/** "New survey": a starting definition of the chosen type, then its editor. */
export async function createSurveyAction(form: FormData) {
  const admin = await pageAdmin();
  const parsed = newSurveyForm.safeParse(formFields(form));
  if (!parsed.success) redirect('/admin/surveys?error=type');
  const survey = await createStarterSurvey({ actor: admin, type: parsed.data.type });
  redirect(`/admin/surveys/${survey.id}?created=1`);
}
