// `npm run db:seed`: what the first start does (default CSAT survey, admin), safe to run again.
import { closeDb } from '@/db/client';
import { bootstrap } from '@/lib/bootstrap';

await bootstrap();
closeDb();
