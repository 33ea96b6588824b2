/** The daily report's labels and definitions in English (reports.labels.* and reports.definitions.*). */
export const labels = {
  // Sections and tables
  flash: "Manager's flash",
  frontOffice: 'Front office',
  roomStatus: 'Room status',
  roomStatusByType: 'Rooms by type and status',
  cashier: 'Cashier report',
  cashierByMethod: 'By payment method',
  cashierByStaff: 'By staff member',
  tickets: 'Ticket sales and admissions',
  ticketsBySlot: 'Ticket sales by slot',
  complaints: 'Complaints',
  // The flash
  measure: 'Measure',
  day: 'Day',
  dayLastYear: 'Same day last year',
  monthToDate: 'Month to date',
  monthToDateLastYear: 'Month to date last year',
  yearToDate: 'Year to date',
  yearToDateLastYear: 'Year to date last year',
  roomsAvailable: 'Rooms available',
  roomsSold: 'Rooms sold',
  occupancy: 'Occupancy',
  adr: 'ADR',
  revpar: 'RevPAR',
  roomRevenue: 'Room revenue',
  ticketRevenue: 'Ticket revenue',
  bookingSuccessRate: 'Booking success rate',
  // Front office
  arrivals: 'Arrivals',
  arrived: 'Arrived',
  departures: 'Departures',
  inHouse: 'In house',
  noShows: 'No-shows',
  cancellations: 'Cancellations',
  cancellationPenalties: 'Cancellation penalties',
  bookingNumber: 'Booking no.',
  guest: 'Guest',
  roomType: 'Room type',
  room: 'Room',
  arrival: 'Arrival',
  departure: 'Departure',
  nights: 'Nights',
  status: 'Status',
  penalty: 'Penalty',
  refund: 'Refund',
  cancellationNumber: 'Cancellation no.',
  subjectNumber: 'Booking / order no.',
  reason: 'Reason',
  staff: 'Staff',
  // Room status
  rooms: 'Rooms',
  vacantClean: 'Vacant clean',
  vacantDirty: 'Vacant dirty',
  occupied: 'Occupied',
  outOfOrder: 'Out of order',
  // Cashier
  method: 'Method',
  entries: 'Entries',
  taken: 'Taken',
  refunded: 'Refunded',
  net: 'Net',
  ticketSales: 'Ticket sales (method not recorded)',
  // Tickets
  product: 'Ticket',
  slot: 'Slot',
  capacity: 'Capacity',
  orders: 'Orders',
  ticketOrders: 'Ticket orders',
  ticketsSold: 'Tickets sold',
  slotUtilisation: 'Slot utilisation',
  admitted: 'Admitted at the gate',
  // Complaints
  complaintsOpened: 'Opened',
  complaintsResolved: 'Resolved',
  complaintsClosed: 'Closed',
  complaintsOverdue: 'Overdue',
  firstContactResolution: 'Resolved at first contact',
  withinTarget: 'Within the 5+X targets',
  // Notes
  flashNoLastYear: 'No comparison with {{year}}: this desk holds no rooms or sales for it.',
  flashDayOpen:
    'The business day {{date}} is still open (no night audit yet): rooms sold count the guests checked in so far.',
  outOfOrderNow:
    'Rooms available exclude the rooms out of order now: the app keeps a room’s out-of-order state, not its dates.',
  roomStatusAsComputed: 'Room status as it stands when the report is computed.',
  cashierTicketMethod: 'A ticket sale does not record how it was paid; ticket sales show as one line per staff member.',
  complaintsOverdueRunning:
    'Overdue: tickets still open at the end of the day (or now) whose response or resolution target has passed.',
};

export const definitions = {
  roomsAvailable:
    'Rooms available: for each night, the rooms on the books that night (from the date a room was entered until it was removed), less the rooms out of order — a room whose housekeeping status is "out of order", as the inventory counts it. The app keeps that status as the room’s current state only, so the rooms out of order when the report is computed are left out of every night of its period.',
  roomsSold:
    'Rooms sold: room-nights of stays honoured — nights of bookings checked in or checked out, complimentary rooms included. Bookings not yet arrived, cancelled or no-shows are not rooms sold.',
  occupancy: 'Occupancy = rooms sold ÷ rooms available (USALI / STR).',
  adr: 'ADR (average daily rate) = room revenue ÷ rooms sold (USALI / STR).',
  revpar: 'RevPAR (revenue per available room) = room revenue ÷ rooms available = occupancy × ADR (USALI / STR).',
  roomRevenue:
    'Room revenue: the nightly room charges of the rooms sold, each night at its own price; cancellation and no-show penalties, taxes and other folio charges are not room revenue.',
  ticketRevenue:
    'Ticket revenue: what the ticket orders of the visit date kept — a sold order’s price, a cancelled order’s penalty.',
  bookingSuccessRate:
    'Booking success rate = honoured ÷ (honoured + cancelled + no-shows), over the room bookings due to arrive in the period. The desk does not record refused attempts (a sold-out or closed date is refused before anything is written), so the rate is taken over bookings made; bookings still awaiting their guest count on neither side. Target ≥ 95 %.',
  sameDayLastYear:
    'Last year: the same calendar date one year earlier (29 February becomes 28 February), its month to that date and its year to that date; shown where the desk holds rooms or sales for it.',
  arrivals: 'Arrivals: bookings due to arrive on the day, still expected or checked in.',
  departures: 'Departures: stays checked in whose departure is the day (early departures included).',
  inHouse: 'In house: stays checked in that span the night of the day — the rooms sold that night.',
  noShows:
    'No-shows: bookings due on the day that the night audit marked as no-shows; the penalty is what each owes by its terms.',
  cancellations:
    'Cancellations: bookings and ticket orders cancelled on the day, with the penalty kept and the refund due.',
  cashier:
    'Cashier report: money taken and refunded on the day, by method and staff member — folio payments, deposits and refunds, ticket sales (paid when sold) and ticket refunds. Points redeemed show as their own method.',
  ticketsSold:
    'Tickets sold: visitors on orders for the visit date still sold (cancelled orders give their places back).',
  admitted: 'Admitted: visitors redeemed at the gate on the visit date.',
  complaintsOverdue:
    'Complaints: opened, resolved and closed on the day; overdue are tickets still running whose response or resolution deadline has passed by the day’s end (or now), in working time as the complaint lists count it.',
  dayBoundaries:
    'Events with a time (payments, cancellations, complaints, ticket sales) count on the business date’s calendar day in the property’s time zone; stays and tickets count by their dates.',
};
