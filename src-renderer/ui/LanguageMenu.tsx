/** Switches the UI language; each language is listed in its own words. */
import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@shared/i18n/errors';
import { changeLocale, currentLocale } from '../i18n';

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const active = currentLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLanguage size={16} />}
          aria-label={t('language.label')}
          data-testid="language-menu"
        >
          {t('language.self')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            data-testid={`language-${locale}`}
            rightSection={locale === active ? <IconCheck size={14} /> : null}
            onClick={() => void changeLocale(locale)}
          >
            {i18n.getFixedT(locale)('language.self')}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
