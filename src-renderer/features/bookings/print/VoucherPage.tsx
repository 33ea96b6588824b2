/**
 * The confirmation voucher (`#/print/voucher?booking=<id>&lang=zh-CN|en`), shown without the
 * app's shell so that printing the window prints only the voucher. It is in the guest's
 * language, not the UI's: room types and rate plans by their English names on an English
 * voucher. It carries what a guest needs at the door: the hotel's address and phone, the booking
 * number as a QR code, the dates with check-in and check-out times, the prices, and the
 * cancellation terms in words. With `print=1` (the 打印确认单 button) it prints itself once
 * rendered and goes back to where the agent was.
 */
import { useEffect } from 'react';
import { Alert, Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { Booking, RatePlan, RoomType } from '@shared/contract';
import { useErrorText } from '../../../i18n/errors';
import { formatInstant } from '../../../i18n/format';
import { moneyFormat } from '../../../ui/money';
import { useSession } from '../../../api/session';
import { useHashParam } from '../../shell/router';
import { useCall } from '../../../api/use-call';
import { formatLongDate, formatStayDate } from '../stay-format';
import { QrCode } from './QrCode';
import { voucherLanguage, type VoucherLanguage } from './voucher-language';
import { voucherName } from './voucher-names';
import { voucherTerms } from './voucher-terms';
import './voucher.css';

/** Terms that still bind: a guest in house or gone has nothing left to cancel. */
const CANCELLABLE = new Set<Booking['status']>(['confirmed']);

export function VoucherPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const bookingId = useHashParam('booking');
  const booking = useCall('bookings.get', { id: bookingId ?? '' }, { enabled: bookingId !== null });
  const roomTypes = useCall('roomTypes.list', {});
  const ratePlans = useCall('ratePlans.list', {});
  const lang = voucherLanguage(useHashParam('lang'));
  const autoPrint = useHashParam('print') === '1';
  // The names' lists only change a name's language; a failed list still prints with the booking's names.
  const ready = booking.data !== undefined && !roomTypes.isPending && !ratePlans.isPending;

  useEffect(() => {
    if (!ready || !autoPrint) return;
    const back = () => window.history.back();
    window.addEventListener('afterprint', back, { once: true });
    // After the browser has painted the voucher; Electron prints the window as it is.
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', back);
    };
  }, [ready, autoPrint]);

  if (booking.isError)
    return (
      <Alert color="red" m="xl">
        {message(booking.error)}
      </Alert>
    );
  if (!ready) return <Loader m="xl" aria-label={t('desk.voucher.loading')} />;
  return (
    <>
      <div className="voucher-toolbar">
        <Button variant="default" onClick={() => window.history.back()}>
          {t('desk.voucher.back')}
        </Button>
        <Button onClick={() => window.print()} data-testid="voucher-print">
          {t('desk.voucher.print')}
        </Button>
      </div>
      <Voucher booking={booking.data} lang={lang} roomTypes={roomTypes.data} ratePlans={ratePlans.data} />
    </>
  );
}

interface VoucherProps {
  booking: Booking;
  lang: VoucherLanguage;
  roomTypes: RoomType[] | undefined;
  ratePlans: RatePlan[] | undefined;
}

function Voucher({ booking, lang, roomTypes, ratePlans }: VoucherProps) {
  const { i18n } = useTranslation();
  const { property } = useSession();
  const t = i18n.getFixedT(lang);
  const fen = moneyFormat(lang, property.currency);
  const zone = property.timeZone;
  const terms = CANCELLABLE.has(booking.status) ? voucherTerms(booking, property, t, fen, lang, new Date()) : [];
  return (
    <article className="voucher" lang={lang} data-testid="voucher">
      <header>
        <div>
          <h1 data-testid="voucher-property">{property.name}</h1>
          {property.address && <p data-testid="voucher-address">{property.address}</p>}
          {property.phone && <p data-testid="voucher-phone">{t('desk.voucher.phone', { phone: property.phone })}</p>}
          <h2>{t('desk.voucher.title')}</h2>
        </div>
        <figure className="qr">
          <QrCode value={booking.number} size="24mm" label={t('desk.voucher.qr', { number: booking.number })} />
          <figcaption className="number" data-testid="voucher-number">
            {booking.number}
          </figcaption>
        </figure>
      </header>
      <dl>
        <dt>{t('desk.voucher.guest')}</dt>
        <dd>
          {booking.guest.name} ({booking.guest.customerNo})
        </dd>
        <dt>{t('desk.voucher.arrival')}</dt>
        <dd data-testid="voucher-arrival">
          {formatLongDate(booking.arrival, lang)} · {t('desk.voucher.checkInFrom', { time: property.checkInTime })}
        </dd>
        <dt>{t('desk.voucher.departure')}</dt>
        <dd data-testid="voucher-departure">
          {formatLongDate(booking.departure, lang)} · {t('desk.voucher.checkOutBy', { time: property.checkOutTime })}
        </dd>
        <dt>{t('desk.voucher.nights')}</dt>
        <dd data-testid="voucher-nights">{t('desk.nights', { count: booking.nights.length })}</dd>
        <dt>{t('desk.voucher.roomType')}</dt>
        <dd data-testid="voucher-room-type">{voucherName(lang, booking.roomType, roomTypes)}</dd>
        {booking.ratePlan && (
          <>
            <dt>{t('desk.voucher.ratePlan')}</dt>
            <dd data-testid="voucher-rate-plan">{voucherName(lang, booking.ratePlan, ratePlans)}</dd>
          </>
        )}
        {booking.room && (
          <>
            <dt>{t('desk.voucher.room')}</dt>
            <dd>{booking.room.number}</dd>
          </>
        )}
        <dt>{t('desk.voucher.guests')}</dt>
        <dd data-testid="voucher-guests">
          {t('desk.voucher.guestsValue', { adults: booking.adults, children: booking.children })}
        </dd>
        <dt>{t('desk.voucher.guarantee')}</dt>
        <dd>{t(`desk.guarantees.${booking.guarantee}`)}</dd>
        {booking.specialRequests && (
          <>
            <dt>{t('desk.voucher.specialRequests')}</dt>
            <dd>{booking.specialRequests}</dd>
          </>
        )}
      </dl>
      <table>
        <thead>
          <tr>
            <th>{t('desk.voucher.night')}</th>
            <th className="amount">{t('desk.voucher.price')}</th>
          </tr>
        </thead>
        <tbody>
          {booking.nights.map((n) => (
            <tr key={n.night}>
              <td>{formatStayDate(n.night, lang)}</td>
              <td className="amount">{fen(n.priceFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('desk.voucher.total')}</th>
            <th className="amount" data-testid="voucher-total">
              {fen(booking.totalFen)}
            </th>
          </tr>
          <tr>
            <td>{t('desk.voucher.paid')}</td>
            <td className="amount" data-testid="voucher-paid">
              {fen(booking.paidFen)}
            </td>
          </tr>
          <tr>
            <td>{t('desk.voucher.balance')}</td>
            <td className="amount" data-testid="voucher-balance">
              {fen(booking.balanceFen)}
            </td>
          </tr>
        </tfoot>
      </table>
      {terms.length > 0 && (
        <section className="terms" data-testid="voucher-terms">
          <h3>{t('desk.voucher.cancellation')}</h3>
          <ul>
            {terms.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      <footer>
        {t('desk.voucher.issued', { at: formatInstant(DateTime.now().toISO(), lang, zone, DateTime.DATETIME_MED) })}
      </footer>
    </article>
  );
}
