import autocannon from 'autocannon';
import { createApiToken } from '@/lib/auth/api-tokens';
import { listSurveys } from '@/lib/surveys/surveys';
process.env.DATABASE_URL = 'file:.bench-data/rows-1000.db';
const { token } = await createApiToken({ description: 'x' });
const auth = `Basic ${Buffer.from(`bench@example.com/token:${token}`).toString('base64')}`;
const s = (await listSurveys({ actor: { id: 1, email: '', role: 'admin', locale: 'en-us' }, locale: 'en-us' })).surveys[0]!;
const which = process.argv[2];
const req = which === 'create'
  ? { method: 'POST' as const, path: '/api/v2/guide/survey_responses', headers: { authorization: auth }, body: JSON.stringify({ survey_response: { survey_id: s.id, responder_id: 1, subject_zrns: ['zen:ticket:1'], locale: 'de' } }) }
  : { method: 'GET' as const, path: '/api/v2/guide/survey_responses?page[size]=100', headers: { authorization: auth } };
const r = await autocannon({ url: 'http://127.0.0.1:3303', connections: 10, duration: 8, requests: [req] });
console.log(which, r.requests.average, r.non2xx);
