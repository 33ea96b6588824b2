/**
 * Which of a name's two languages to show: the English name the property gave when the UI speaks
 * English and there is one, otherwise the Chinese name. Pure; the hooks are in use-local-names.ts.
 */

/** Something with a Chinese name and, perhaps, an English one. */
export interface TwoNames {
  name: string;
  nameEn: string | null;
}

interface Named extends TwoNames {
  id: string;
}

/** The name of `named` in `language`: English only when the UI speaks English and it has one. */
export function nameIn(language: string, named: TwoNames): string {
  return language === 'en' && named.nameEn ? named.nameEn : named.name;
}

/** The name to show for one of `known`, or `fallback` when it is not (yet) known. */
export function localName(language: string, known: readonly Named[] | undefined, id: string, fallback: string) {
  const found = known?.find((k) => k.id === id);
  return found ? nameIn(language, found) : fallback;
}
