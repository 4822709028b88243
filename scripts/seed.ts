// `npm run db:seed`: what the first start does (default CSAT survey, admin), safe to run again.
// `npm run db:seed -- --demo` adds six months of demo responses and an NPS campaign (once).
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { bootstrap } from '@/lib/bootstrap';
import { seedDemo } from '@/lib/demo';

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
await bootstrap();
if (values.demo) await seedDemo();
await closeDb();
