import type { FormState } from '@/lib/admin/people-forms';

/** The create form's state: a refusal, or the key just made with its secret (shown this once). */
export interface KeyFormState extends FormState {
  created?: { id: number; description: string; secret: string };
}
