/**
 * A tiny hash router: `#/staff` names the page; anything else is home. What follows `?` in the
 * hash (`#/desk?booking=…`) is state that outlives a reload, such as an open drawer; it is read
 * and written through useHashParam / setHashParams. `#/print/<layout>` is a print layout, shown
 * without the app's shell.
 */
import { useSyncExternalStore } from 'react';

export const ROUTES = [
  'home',
  'desk',
  'availability',
  'rack',
  'housekeeping',
  'tickets',
  'guests',
  'members',
  'complaints',
  'callbacks',
  'cancellations',
  'reports',
  'archive',
  'approvals',
  'conflicts',
  'staff',
  'permissions',
  'audit',
  'approval-policy',
  'setup',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

export const PRINT_LAYOUTS = ['voucher'] as const;
export type PrintLayout = (typeof PRINT_LAYOUTS)[number];

function hashParts(): { path: string; params: URLSearchParams } {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  return at < 0
    ? { path: hash, params: new URLSearchParams() }
    : { path: hash.slice(0, at), params: new URLSearchParams(hash.slice(at + 1)) };
}

function readRoute(): Route {
  const { path } = hashParts();
  return (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'home';
}

function readPrintLayout(): PrintLayout | null {
  const match = /^print\/(.+)$/.exec(hashParts().path);
  return match && (PRINT_LAYOUTS as readonly string[]).includes(match[1]!) ? (match[1] as PrintLayout) : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, readRoute);
}

/** The print layout the hash names, or null for the app's pages. */
export function usePrintLayout(): PrintLayout | null {
  return useSyncExternalStore(subscribe, readPrintLayout);
}

/** One value from the hash's query, e.g. the booking an open drawer shows. */
export function useHashParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => hashParts().params.get(name));
}

/** Sets (or, with null, removes) values in the hash's query, keeping the page and the other values. */
export function setHashParams(values: Record<string, string | null>): void {
  const { path, params } = hashParts();
  for (const [name, value] of Object.entries(values)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  window.location.hash = `#/${path}${query ? `?${query}` : ''}`;
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}

export function printHref(layout: PrintLayout, params: Record<string, string>): string {
  return `#/print/${layout}?${new URLSearchParams(params).toString()}`;
}
