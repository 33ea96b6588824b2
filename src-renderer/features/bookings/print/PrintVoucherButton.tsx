/**
 * 打印确认单: the agent picks the voucher's language (the guest's, not the UI's), the window
 * shows the print layout and prints it, then comes back here.
 */
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { printHref } from '../../shell/router';
import { VOUCHER_LANGUAGES } from './voucher-language';

export function PrintVoucherButton({ bookingId, ...buttonProps }: { bookingId: string } & ButtonProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconPrinter size={16} />} data-testid="print-voucher" {...buttonProps}>
          {t('desk.actions.print')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('desk.voucher.choose')}</Menu.Label>
        {VOUCHER_LANGUAGES.map(({ lang, label }) => (
          <Menu.Item
            key={lang}
            onClick={() => (window.location.hash = printHref('voucher', { booking: bookingId, lang, print: '1' }))}
            data-testid={`print-voucher-${lang}`}
          >
            {t(label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
