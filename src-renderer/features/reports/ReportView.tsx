/**
 * Any report, drawn from its document alone: the header (property, report, period, data as of,
 * generated and printed by and at), each section's figures as a grid, its tables with their
 * charts, its notes, and the definitions at the end. On screen it is an A4 sheet; printed, it is
 * the `report` named page of reports.css with the running header and page numbers in the margins.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import '@mantine/charts/styles.css';
import type { ReportDocument, ReportSection, ReportTable, ReportValue } from '@shared/contract/reports';
import { useSession } from '../../api/session';
import { cjkFonts, printMarginsCss } from './print-margins';
import { ReportChart } from './ReportChart';
import { isBlank } from './report-rows';
import type { ReportReading } from './report-words';
import './reports.css';

const NUMERIC = new Set<ReportValue['kind']>(['count', 'money', 'rate', 'number']);

function cellClass(value: ReportValue | undefined): string | undefined {
  return value && NUMERIC.has(value.kind) ? 'num' : undefined;
}

/** The time the sheet is printed: now, renewed when the print starts. */
function usePrintedAt(): string {
  const [at, setAt] = useState(() => DateTime.now().toISO());
  useEffect(() => {
    const renew = () => setAt(DateTime.now().toISO());
    window.addEventListener('beforeprint', renew);
    return () => window.removeEventListener('beforeprint', renew);
  }, []);
  return at;
}

export function ReportView({ document, reading }: { document: ReportDocument; reading: ReportReading }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const { words } = reading;
  const printedAt = usePrintedAt();
  const title = words.title(document.kind);
  const period = words.period(document);
  const dataAsOf = document.dataAsOf ? words.instant(document.dataAsOf) : t('reports.header.neverSynced');
  const printed = t('reports.header.byAt', { by: user.displayName, at: words.instant(printedAt) });
  const margins = printMarginsCss({
    topLeft: `${document.property.name} · ${title} · ${period}`,
    topRight: `${t('reports.header.dataAsOf')} ${dataAsOf}`,
    bottomLeft: `${t('reports.header.printed')} ${printed}`,
    pageTemplate: t('reports.page'),
    lang: i18n.language,
  });

  return (
    <article
      className="report-document"
      lang={i18n.language}
      style={{ fontFamily: cjkFonts(i18n.language) }}
      data-testid="report-document"
    >
      <style>{margins}</style>
      <header className="report-header">
        <h1 data-testid="report-property">{document.property.name}</h1>
        <h2 data-testid="report-title">{title}</h2>
        <dl>
          <dt>{t('reports.header.period')}</dt>
          <dd data-testid="report-period">{period}</dd>
          <dt>{t('reports.header.dataAsOf')}</dt>
          <dd data-testid="report-data-as-of" className={document.dataAsOf ? undefined : 'report-warning'}>
            {dataAsOf}
          </dd>
          <dt>{t('reports.header.generated')}</dt>
          <dd>{t('reports.header.byAt', { by: document.generatedBy, at: words.instant(document.generatedAt) })}</dd>
          <dt>{t('reports.header.printed')}</dt>
          <dd>{printed}</dd>
        </dl>
      </header>
      {document.sections.map((section) => (
        <SectionView key={section.id} section={section} document={document} reading={reading} />
      ))}
      {document.sections.length === 0 && <p className="report-empty">{t('reports.noFigures')}</p>}
      {document.definitions.length > 0 && (
        <section className="report-definitions" data-testid="report-definitions">
          <h3>{t('reports.definitionsTitle')}</h3>
          <ul>
            {document.definitions.map((key) => (
              <li key={key}>{words.definition(key)}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function SectionView({
  section,
  document,
  reading,
}: {
  section: ReportSection;
  document: ReportDocument;
  reading: ReportReading;
}) {
  const { words, value } = reading;
  return (
    <section className="report-section" data-testid={`report-section-${section.id}`}>
      <h3>{words.label(section.title)}</h3>
      {section.figures.length > 0 && (
        <dl className="report-figures">
          {section.figures.map((figure) => (
            <div key={figure.key} className="report-figure" data-testid={`report-figure-${figure.key}`}>
              <dt>{words.label(figure.label)}</dt>
              <dd>{value(figure.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {section.tables.map((table) => (
        <TableView key={table.id} table={table} document={document} reading={reading} sectionTitle={section.title} />
      ))}
      {section.notes.length > 0 && (
        <ul className="report-notes">
          {section.notes.map((note, i) => (
            <li key={`${note.key}:${i}`}>{words.note(note.key, note.params)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TableView({
  table,
  document,
  reading,
  sectionTitle,
}: {
  table: ReportTable;
  document: ReportDocument;
  reading: ReportReading;
  sectionTitle: string;
}) {
  const { t, i18n } = useTranslation();
  const { words, value } = reading;
  const totals = table.totals;
  return (
    <div className="report-table" data-testid={`report-table-${table.id}`}>
      {/* A section's one table often bears the section's name: said once. */}
      {table.title !== sectionTitle && <h4>{words.label(table.title)}</h4>}
      {table.chart && table.rows.length > 0 && (
        <ReportChart table={table} words={words} locale={i18n.language} currency={document.property.currency} />
      )}
      <table>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} className={cellClass(table.rows[0]?.[column.key] ?? totals?.[column.key])}>
                {words.label(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((column) => (
                <td key={column.key} className={cellClass(row[column.key])}>
                  {row[column.key] ? value(row[column.key]!) : ''}
                </td>
              ))}
            </tr>
          ))}
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length} className="report-empty">
                {t('reports.noRows')}
              </td>
            </tr>
          )}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              {table.columns.map((column, i) => (
                <th key={column.key} className={cellClass(totals[column.key])}>
                  {i === 0 && (!totals[column.key] || isBlank(totals[column.key]!))
                    ? t('reports.total')
                    : totals[column.key]
                      ? value(totals[column.key]!)
                      : ''}
                </th>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
