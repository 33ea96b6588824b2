/**
 * `npm run seed:demo -- --data-dir DIR [--guests N] [--lean]`: a believable demo hotel in a fresh
 * data folder — busy (about 70% sold, guests in house, work waiting: services/demo/busy.ts), or with
 * `--lean` the quiet hotel the e2e specs start from (today's arrivals only: services/demo/seed.ts).
 */
import { createServices } from '../services/services';
import { DEMO_SET_UP_DAYS_AGO } from '../services/demo/demo-hotel';
import { seedDemo } from '../services/demo/seed';
import { seedBusyDemo } from '../services/demo/busy';
import { parseToolArgs } from './args';

// --lean is a flag; the shared parser takes options with values, so it is read (and taken out) here.
const lean = process.argv.includes('--lean');
if (lean) process.argv.splice(process.argv.indexOf('--lean'), 1);
const { dataDir, values } = parseToolArgs('npm run seed:demo -- --data-dir DIR [--guests N] [--lean]', {
  guests: { type: 'string', default: '500' },
});
const guests = Number(values['guests']);
if (!Number.isInteger(guests) || guests < (lean ? 0 : 50)) {
  console.error(lean ? '--guests takes a whole number' : '--guests takes a whole number, 50 or more');
  process.exit(2);
}
// The lean hotel was set up a few days ago: its records, and today's arrivals, were made then. The
// busy one moves the clock itself, day by day, from its opening to just before now.
const setUpAt = Date.now() - DEMO_SET_UP_DAYS_AGO * 24 * 60 * 60 * 1000;
let travelledTo: Date | null = null;
const clock = lean
  ? { now: () => new Date(setUpAt + process.uptime() * 1000) }
  : { now: () => travelledTo ?? new Date() };
const services = await createServices({ dataDir, clock });
try {
  const started = Date.now();
  const onProgress = (done: number) => {
    if (done % 100_000 === 0) console.log(`  ${done.toLocaleString('en')} guests…`);
  };
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (lean) {
    const seeded = await seedDemo(services, { guests, onProgress });
    console.log(`Lean demo hotel ready in ${dataDir} (${seconds()} s):`);
    console.log(
      `  ${seeded.roomTypes} room types, ${seeded.rooms} rooms, ${seeded.guests.toLocaleString('en')} guests, ${seeded.arrivals} arrivals today, the lake cruise's timed tickets`,
    );
    printStaff(seeded.staff);
  } else {
    const seeded = await seedBusyDemo(services, { guests, onProgress, travel: (to) => (travelledTo = to) });
    console.log(`Busy demo hotel ready in ${dataDir} (${seconds()} s):`);
    console.log(
      `  ${seeded.roomTypes} room types, ${seeded.rooms} rooms, ${seeded.guests.toLocaleString('en')} guests, ${seeded.bookings} stays booked, ${seeded.members} members`,
    );
    printStaff(seeded.staff);
  }
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(code === 'ALREADY_SET_UP' ? `${dataDir} is already set up; seed a fresh data folder.` : error);
  process.exitCode = 1;
} finally {
  await services.close();
}

function printStaff(staff: readonly { username: string; password: string; role: string }[]) {
  console.log('  staff (username / password / role):');
  for (const member of staff)
    console.log(`    ${member.username.padEnd(11)} ${member.password.padEnd(20)} ${member.role}`);
}
