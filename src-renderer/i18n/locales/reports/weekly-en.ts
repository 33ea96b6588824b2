/** The weekly report's labels, definitions and picker words in English (reports.labels.*, reports.definitions.*, reports.picker.*). */
import type { definitions as source, labels as sourceLabels, picker as sourcePicker } from './weekly-zh-CN';

export const labels: typeof sourceLabels = {
  weeklyFlash: "Manager's weekly flash",
  flashByDay: 'Rooms day by day',
  salesByDay: 'Revenue and booking success day by day',
  frontOfficeByDay: 'Front office day by day',
  weekOpen:
    'The week is not over: from business date {{date}} the night audit has not run, rooms sold count only the guests checked in so far, and the figures may still change.',
  complaintsOverdueWeek:
    'Overdue: complaints still open at the end of the week (or now) whose response or resolution deadline has passed.',
};

export const definitions: typeof source = {
  isoWeek:
    'The weekly report covers an ISO week, Monday to Sunday (2026-W48 is 23–29 November 2026), and is due within 48 hours after the week ends.',
  weekByDay:
    "The week day by day: each of the seven days' flash figures; the total is the week's sums, with occupancy, ADR, RevPAR and booking success recomputed from them, not averaged over the days.",
  weeklyFrontOffice:
    'Front office: bookings due to arrive in the week (still expected or arrived), departures, no-shows marked by the night audit, and the room bookings and ticket orders cancelled during the week; counted day by day on the arrival, departure, due or cancellation date.',
  weeklyCashier:
    "Cashier: the week's money taken and refunded by payment method, as the daily cashier report counts it (a ticket is paid when sold, whatever its visit date).",
  weeklyTickets:
    "Tickets: orders whose visit date falls in the week — tickets sold, admitted at the gate and ticket revenue; a slot's capacity is its daily capacity × 7, slot utilisation = tickets sold ÷ capacity.",
  weeklyComplaints:
    'Complaints: opened, resolved and closed in the week, and overdue at its end (or now); the "5+X" on-time rate, first-contact resolution and median times are over the complaints opened in the week, call-backs over those due in it, the satisfaction score over the call-backs reached in it — as the complaints screen counts them.',
};

export const picker: typeof sourcePicker = {
  week: 'ISO week',
  weekOf: '{{week}}: {{from}} to {{to}}',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
};
