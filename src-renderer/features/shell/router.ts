/** A tiny hash router: `#/staff` names the page; anything else is home. */
import { useSyncExternalStore } from 'react';

export const ROUTES = ['home', 'guests', 'approvals', 'staff', 'permissions', 'audit', 'approval-policy', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function readRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, readRoute);
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}
