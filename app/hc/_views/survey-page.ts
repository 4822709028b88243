import type { Locale } from '@/lib/i18n/locales';
import { surveyPagePath } from '@/lib/survey-responses/links';
import type { PageError } from '@/lib/survey-page/submit';
import { answerField, followUpCss, type PageQuestion, type SurveyPageView } from '@/lib/survey-page/view';
import { html, trusted, type Html } from '@/lib/http/html';
import { STYLES } from './styles';
import { pageText, type PageText } from './text';

// The customer's page: plain HTML and CSS, no script. The form posts and is answered by a redirect;
// follow-up questions show by CSS `:has()` on the checked rating.

export function document(locale: Locale, title: string, main: Html): Html {
  return html`<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex, nofollow"><title>${title}</title><style>${trusted(STYLES)}</style></head><body><div class="hc-page">${main}</div></body></html>`;
}

export function invalidLinkPage(locale: Locale): Html {
  const { t } = pageText(locale);
  return document(locale, t('notFoundTitle'), html`<main class="hc-card"><h1>${t('notFoundTitle')}</h1><p>${t('notFoundBody')}</p></main>`);
}

/** The database cannot be reached: the customer is asked to come back, nothing was recorded. */
export function unavailablePage(locale: Locale): Html {
  const { t } = pageText(locale);
  return document(locale, t('unavailableTitle'), html`<main class="hc-card"><h1>${t('unavailableTitle')}</h1><p>${t('unavailableBody')}</p></main>`);
}

/** Past the limit on wrong access tokens from one address (lib/auth/throttle.ts). */
export function throttledPage(locale: Locale, retryAfterS: number): Html {
  const { t } = pageText(locale);
  const minutes = Math.max(1, Math.ceil(retryAfterS / 60));
  return document(locale, t('throttledTitle'), html`<main class="hc-card"><h1>${t('throttledTitle')}</h1><p>${t('throttledBody', { minutes })}</p></main>`);
}

function question(q: PageQuestion, first: boolean, chosen: string[], text: PageText): Html {
  const { t } = text;
  const name = answerField(q.id);
  const optional = first ? '' : html` <span class="hc-optional">(${t('optional')})</span>`;
  if (q.type === 'open_ended') {
    return html`<div class="hc-question q-${q.id}"><label for="f-${q.id}">${q.headline}${optional}</label><textarea id="f-${q.id}" name="${name}" rows="4" maxlength="10000">${chosen[0] ?? ''}</textarea></div>`;
  }
  const rating = q.type === 'rating';
  const options = q.options.map((o) => {
    const input = html`<input type="${rating ? 'radio' : 'checkbox'}" name="${name}" value="${o.value}"${chosen.includes(o.value) ? trusted(' checked') : ''}${rating && first ? trusted(' required') : ''}>`;
    const emoji = o.emoji ? html`<span class="hc-emoji" aria-hidden="true">${o.emoji}</span>` : '';
    return html`<label class="${rating ? 'hc-rating' : 'hc-choice'}">${input}${emoji}<span class="hc-label">${o.label}</span></label>`;
  });
  const hint = rating ? '' : html`<p class="hc-hint">${t('chooseMany')}</p>`;
  return html`<fieldset class="hc-question q-${q.id}"><legend>${q.headline}${optional}</legend>${hint}<div class="${rating ? 'hc-scale' : 'hc-choices'}">${options}</div></fieldset>`;
}

function form(view: SurveyPageView, path: string, accessToken: string, text: PageText, preview: boolean): Html {
  const questions = view.questions.map((q, i) => question(q, i === 0, view.chosen[q.id] ?? [], text));
  const submit = view.state === 'open' ? text.t('submit') : text.t('update');
  // A preview has nowhere to post and a disabled submit: nothing it shows can be recorded.
  const target = preview ? '' : html` method="post" action="${path}"`;
  const token = preview ? '' : html`<input type="hidden" name="access_token" value="${accessToken}">`;
  return html`<form class="hc-form"${target}><style>${trusted(followUpCss(view))}</style>${token}${questions}<button class="hc-submit" type="submit"${preview ? trusted(' disabled') : ''}>${submit}</button></form>`;
}

function answers(view: SurveyPageView, { t }: PageText): Html | '' {
  const answered = view.questions.filter((q) => view.chosen[q.id] !== undefined);
  if (answered.length === 0) return '';
  const items = answered.map((q) => {
    const values = view.chosen[q.id] ?? [];
    const labels = q.type === 'open_ended' ? values : q.options.filter((o) => values.includes(o.value)).map((o) => (o.emoji ? `${o.emoji} ${o.label}` : o.label));
    return html`<div><dt>${q.headline}</dt><dd>${labels.join(', ')}</dd></div>`;
  });
  return html`<section aria-labelledby="hc-your-answers"><h2 id="hc-your-answers">${t('yourAnswers')}</h2><dl class="hc-answers">${items}</dl></section>`;
}

/**
 * The page for each state: form (first visit or edit), thank-you, closed, disabled. `preview` (the admin
 * view's) shows its text as a banner above a form that cannot be submitted.
 */
export function surveyPage(input: { view: SurveyPageView; locale: Locale; accessToken: string; error?: PageError; preview?: string }): Html {
  const { view, locale, accessToken, error, preview } = input;
  const text = pageText(locale);
  const { t } = text;
  const path = `/hc/${locale}/survey_responses/${view.id}`;
  const date = text.date(view.expiresAt);
  let main: Html;
  if (view.state === 'disabled') {
    main = html`<main class="hc-card" data-state="disabled"><h1>${t('disabledTitle')}</h1><p>${t('disabledBody')}</p></main>`;
  } else if (view.editing) {
    const alert = error ? html`<p class="hc-error" role="alert">${t(error === 'rating' ? 'errorRating' : 'errorGeneric')}</p>` : '';
    const note = view.state === 'answered' ? html`<p class="hc-note">${t('editUntil', { date })}</p>` : '';
    // Framed by the admin page, whose own <main> needs a name to tell the two apart.
    const label = preview === undefined ? '' : html` aria-label="Customer page"`;
    main = html`<main class="hc-card" data-state="${view.state === 'open' ? 'open' : 'editing'}"${label}><h1>${t('title')}</h1><p class="hc-intro">${t('intro')}</p>${alert}${form(view, path, accessToken, text, preview !== undefined)}${note}</main>`;
  } else {
    const closed = view.state === 'closed';
    const edit = closed
      ? ''
      : html`<p class="hc-note">${t('editUntil', { date })} <a class="hc-link" href="${surveyPagePath({ id: view.id, token: accessToken, locale })}&amp;edit=1">${t('edit')}</a></p>`;
    main = html`<main class="hc-card" data-state="${view.state}"><h1>${t(closed ? 'closedTitle' : 'thanksTitle')}</h1><p>${closed ? t('closedBody', { date }) : t('thanksBody')}</p>${answers(view, text)}${edit}</main>`;
  }
  const banner = preview === undefined ? '' : html`<p class="hc-preview" role="note" lang="en">${preview}</p>`;
  return document(locale, t('title'), html`${banner}${main}`);
}
