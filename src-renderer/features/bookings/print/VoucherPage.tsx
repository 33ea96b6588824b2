/**
 * The confirmation voucher (`#/print/voucher?booking=<id>&lang=zh-CN|en`), shown without the
 * app's shell so that printing the window prints only the voucher. It is in the guest's
 * language, not the UI's. With `print=1` (the 打印确认单 button) it prints itself once rendered
 * and goes back to where the agent was.
 */
import { useEffect } from 'react';
import { Alert, Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { Booking } from '@shared/contract';
import { useErrorText } from '../../../i18n/errors';
import { formatInstant, useFormat } from '../../../i18n/format';
import { moneyFormat } from '../../../ui/money';
import { useSession } from '../../../api/session';
import { useHashParam } from '../../shell/router';
import { useCall } from '../../../api/use-call';
import { formatLongDate, formatStayDate } from '../stay-format';
import { voucherLanguage, type VoucherLanguage } from './voucher-language';
import './voucher.css';

export function VoucherPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const bookingId = useHashParam('booking');
  const booking = useCall('bookings.get', { id: bookingId ?? '' }, { enabled: bookingId !== null });
  const lang = voucherLanguage(useHashParam('lang'));
  const autoPrint = useHashParam('print') === '1';

  useEffect(() => {
    if (!booking.data || !autoPrint) return;
    const back = () => window.history.back();
    window.addEventListener('afterprint', back, { once: true });
    // After the browser has painted the voucher; Electron prints the window as it is.
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', back);
    };
  }, [booking.data, autoPrint]);

  if (booking.isPending) return <Loader m="xl" aria-label={t('desk.voucher.loading')} />;
  if (booking.isError)
    return (
      <Alert color="red" m="xl">
        {message(booking.error)}
      </Alert>
    );
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
      <Voucher booking={booking.data} lang={lang} />
    </>
  );
}

function Voucher({ booking, lang }: { booking: Booking; lang: VoucherLanguage }) {
  const { i18n } = useTranslation();
  const { property } = useSession();
  const { zone } = useFormat();
  const t = i18n.getFixedT(lang);
  const fen = moneyFormat(lang, property.currency);
  return (
    <article className="voucher" lang={lang} data-testid="voucher">
      <header>
        <h1 data-testid="voucher-property">{property.name}</h1>
        <h2>{t('desk.voucher.title')}</h2>
      </header>
      <dl>
        <dt>{t('desk.voucher.number')}</dt>
        <dd className="number" data-testid="voucher-number">
          {booking.number}
        </dd>
        <dt>{t('desk.voucher.guest')}</dt>
        <dd>
          {booking.guest.name} ({booking.guest.customerNo})
        </dd>
        <dt>{t('desk.voucher.arrival')}</dt>
        <dd>{formatLongDate(booking.arrival, lang)}</dd>
        <dt>{t('desk.voucher.departure')}</dt>
        <dd>{formatLongDate(booking.departure, lang)}</dd>
        <dt>{t('desk.voucher.nights')}</dt>
        <dd>{booking.nights.length}</dd>
        <dt>{t('desk.voucher.roomType')}</dt>
        <dd>{booking.roomType.name}</dd>
        {booking.room && (
          <>
            <dt>{t('desk.voucher.room')}</dt>
            <dd>{booking.room.number}</dd>
          </>
        )}
        <dt>{t('desk.voucher.guests')}</dt>
        <dd>{t('desk.voucher.guestsValue', { adults: booking.adults, children: booking.children })}</dd>
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
            <td className="amount">{fen(booking.paidFen)}</td>
          </tr>
          <tr>
            <td>{t('desk.voucher.balance')}</td>
            <td className="amount">{fen(booking.balanceFen)}</td>
          </tr>
        </tfoot>
      </table>
      <footer>
        {t('desk.voucher.issued', { at: formatInstant(DateTime.now().toISO(), lang, zone, DateTime.DATETIME_MED) })}
      </footer>
    </article>
  );
}
