/**
 * How an operation is declared: once, here in src-shared, with its name, zod input schema,
 * output type, the access it needs and whether it is a query or a mutation. Main registers a
 * handler per declaration; the renderer's client derives its types from the same objects.
 */
import type { z } from 'zod';
import type { Permission } from '../permissions';

export type OperationKind = 'query' | 'mutation';

/** 'public': no session needed; 'signed-in': any signed-in staff member; otherwise a permission. */
export type Access = 'public' | 'signed-in' | Permission;

/**
 * `access` and `publicBeforeSetUp` are kept in the type as declared, so main can give the handler
 * of an operation that always runs with a session a context whose session is not null.
 */
export interface OperationDef<
  Name extends string = string,
  In extends z.ZodType = z.ZodType,
  Out = unknown,
  Kind extends OperationKind = OperationKind,
  A extends Access = Access,
  Open extends boolean = boolean,
> {
  readonly name: Name;
  readonly kind: Kind;
  readonly input: In;
  readonly access: A;
  /**
   * Callable without a session while the desk is not set up (no property yet: the first-run
   * screen joins one, and there is nothing on the desk to protect); once set up, `access` applies.
   */
  readonly publicBeforeSetUp?: Open;
  /** Input fields never written to the audit trail or the outbox (passwords). */
  readonly redact?: readonly string[];
  /** Personal data (ID numbers) kept out of the audit trail; unlike `redact` it still syncs. `*` matches array items. */
  readonly personal?: readonly string[];
  /**
   * A query that reads personal data for some inputs (a search by an ID number): when this says so,
   * the query runs in a transaction that writes its audit entry, as a mutation does.
   */
  auditedWhen?(input: z.output<In>): boolean;
  /** May run while the desk is locked for inactivity (unlock, sign out, reading the session). */
  readonly allowWhenLocked?: boolean;
  /**
   * Whether a call shows the person is at the desk (postpones the idle lock). Mutations do;
   * queries do not — screens poll them — except the keep-alive the renderer sends on input.
   */
  readonly activity?: boolean;
  /** Mutations are queued for sync unless they only concern this desk (sign-in, backups). */
  readonly sync?: boolean;
  /** Type-only carrier of the output type; never set at run time. */
  readonly __output?: Out;
}

type Options<Name extends string, In extends z.ZodType, A extends Access, Open extends boolean> = Omit<
  OperationDef<Name, In, unknown, OperationKind, A, Open>,
  'kind' | '__output'
>;

/** `query<Output>()({ name, input, access })`: curried so the output is explicit and the input inferred. */
export function query<Out>() {
  return <Name extends string, In extends z.ZodType, A extends Access, Open extends boolean = false>(
    def: Options<Name, In, A, Open>,
  ): OperationDef<Name, In, Out, 'query', A, Open> => ({
    ...def,
    kind: 'query',
  });
}

export function mutation<Out>() {
  return <Name extends string, In extends z.ZodType, A extends Access, Open extends boolean = false>(
    def: Options<Name, In, A, Open>,
  ): OperationDef<Name, In, Out, 'mutation', A, Open> => ({
    sync: true,
    activity: true,
    ...def,
    kind: 'mutation',
  });
}
