import { findUserByEmail, listUsers } from '@/db/users';
import { listSurveys } from '@/db/surveys';
import type { ResponseMethod } from '@/db/schema';
import { starterQuestions } from './admin/surveys/starters';
import { locales } from './i18n/locales';
import { fillSurveyResponses } from './survey-responses/synthetic';
import { createSurvey, loadVersion } from './surveys/surveys';
import { addUser } from './users/users';

// `npm run db:seed -- --demo`: a living dashboard for a newcomer — six months of CSAT responses to
// the default survey across locales, ratings, reasons and comments, getting better over time, about
// a quarter offered but never answered; and an NPS campaign answered in an app.

const DAYS = 182;
const MARKER = 'customer-1@demo.example';
const COMMENTS = {
  pleased: ['Quick and friendly, thank you!', 'Solved on the first reply.', 'Great support as always.', 'Clear instructions, it works now.', 'Vielen Dank für die schnelle Hilfe!', 'Merci, très efficace.', '迅速な対応ありがとうございました。'],
  unhappy: ['I had to explain the problem three times.', 'Took a week to get an answer.', 'The issue is still not fixed.', 'The agent closed the ticket without asking me.', 'La respuesta no resolvió mi problema.', 'Demorou demais.'],
};

async function addUsers(count: number, make: (n: number) => Parameters<typeof addUser>[0]) {
  const ids: number[] = [];
  for (let n = 1; n <= count; n++) ids.push((await addUser(make(n))).id);
  return ids;
}

/** Adds the demo data once; a second run changes nothing and says so. */
export async function seedDemo(log: (line: string) => void = console.log): Promise<void> {
  if (await findUserByEmail({ email: MARKER })) {
    log('The demo data is already there.');
    return;
  }
  const [csat] = await listSurveys({ types: ['CUSTOMER_SATISFACTION'] });
  const version = csat && (await loadVersion(csat.id, csat.latestVersion));
  if (!csat || !version) throw new Error('the default CSAT survey is missing: run the first start (bootstrap) first');
  const customers = await addUsers(400, (n) => ({ email: `customer-${n}@demo.example`, name: `Demo customer ${n}`, role: 'end_user', locale: locales[n % locales.length]! }));
  const agents = await addUsers(3, (n) => ({ email: `agent-${n}@demo.example`, name: `Demo agent ${n}`, role: 'agent', locale: 'en-us' }));
  // The agents are the assignees, so the overview's breakdown by assignee shows them by name.
  await fillSurveyResponses({ count: 5_000, surveyId: csat.id, version: csat.latestVersion, definition: version.definition, days: DAYS, responderIds: customers, answered: 0.74, improving: true, comments: COMMENTS, assigneeIds: agents });
  log(`Added 5,000 responses to the CSAT survey ${csat.id} over ${DAYS} days`);

  const admin = (await listUsers()).find((u) => u.role === 'admin');
  if (!admin) throw new Error('no admin: run the first start (bootstrap) first');
  const campaign = await createSurvey({
    actor: { id: admin.id, email: admin.email ?? '', role: 'admin', locale: admin.locale },
    survey: {
      type: 'NET_PROMOTER_SCORE',
      state: 'enabled',
      settings: { allow_anonymous: true, resurvey_days: 90, targeting: [] },
      questions: starterQuestions('NET_PROMOTER_SCORE'),
    },
  });
  const appUsers = await addUsers(300, (n) => ({ email: null, externalId: `demo-app-user-${n}`, name: `App user ${n}`, role: 'end_user', locale: locales[n % locales.length]! }));
  const methods: ResponseMethod[] = ['In-App', 'In-App', 'Mobile', 'Email'];
  await fillSurveyResponses({ count: 1_500, surveyId: campaign.id, version: 1, definition: (await loadVersion(campaign.id, 1))!.definition, days: DAYS, responderIds: appUsers, improving: true, comments: COMMENTS, methods });
  log(`Added the NPS campaign ${campaign.id} with 1,500 app responses`);
}
