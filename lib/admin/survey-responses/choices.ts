import type { Actor } from '../../auth/credentials';
import { displayLocale } from '../../i18n/locales';
import { requireAdmin } from '../../users/users';
import { surveyInfos, type RatingCategory } from '../survey-info';

export interface FilterChoices {
  surveys: { id: string; label: string; categoryNames: Record<RatingCategory, string> }[];
  /** Closed-ended options of each survey's latest version, grouped by survey. */
  reasons: { survey: string; options: { id: string; label: string }[] }[];
}

/** What the filter form's selects offer, in the admin's locale. */
export async function responseFilterChoices({ admin }: { admin: Actor }): Promise<FilterChoices> {
  requireAdmin(admin);
  const surveys = [...(await surveyInfos({ locale: displayLocale(admin.locale) })).values()];
  return {
    surveys: surveys.map((s) => ({ id: s.id, label: s.label, categoryNames: s.categoryNames })),
    reasons: surveys.flatMap((s) => {
      const options = s.questions.flatMap((q) => (q.type === 'closed_ended' ? q.options.map((o) => ({ id: o.id, label: o.label.value })) : []));
      return options.length ? [{ survey: s.label, options }] : [];
    }),
  };
}
