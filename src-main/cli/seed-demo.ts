/** `npm run seed:demo -- --data-dir DIR [--guests N]`: a believable demo hotel in a fresh data folder. */
import { createServices } from '../services/services';
import { DEMO_SET_UP_DAYS_AGO } from '../services/demo/demo-hotel';
import { seedDemo } from '../services/demo/seed';
import { parseToolArgs } from './args';

const { dataDir, values } = parseToolArgs('npm run seed:demo -- --data-dir DIR [--guests N]', {
  guests: { type: 'string', default: '500' },
});
const guests = Number(values['guests']);
if (!Number.isInteger(guests) || guests < 0) {
  console.error('--guests takes a whole number');
  process.exit(2);
}
// The demo hotel was set up a few days ago: its records, and today's arrivals, were made then.
const setUpAt = Date.now() - DEMO_SET_UP_DAYS_AGO * 24 * 60 * 60 * 1000;
const services = await createServices({ dataDir, clock: { now: () => new Date(setUpAt + process.uptime() * 1000) } });
try {
  const started = Date.now();
  const seeded = await seedDemo(services, {
    guests,
    onProgress: (done) => {
      if (done % 100_000 === 0) console.log(`  ${done.toLocaleString('en')} guests…`);
    },
  });
  console.log(`Demo hotel ready in ${dataDir} (${((Date.now() - started) / 1000).toFixed(1)} s):`);
  console.log(
    `  ${seeded.roomTypes} room types, ${seeded.rooms} rooms, ${seeded.guests.toLocaleString('en')} guests, ${seeded.arrivals} arrivals today, the lake cruise's timed tickets`,
  );
  console.log('  staff (username / password / role):');
  for (const member of seeded.staff)
    console.log(`    ${member.username.padEnd(11)} ${member.password.padEnd(18)} ${member.role}`);
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(code === 'ALREADY_SET_UP' ? `${dataDir} is already set up; seed a fresh data folder.` : error);
  process.exitCode = 1;
} finally {
  await services.close();
}
