/** What tests and tools use in-process: the server, its database and the administrator's commands. */
export {
  createServer,
  DEFAULT_LIMITS,
  isLoopbackHost,
  plainHttpWarning,
  type ServerLimits,
  type ServerOptions,
  type SyncServer,
} from './app';
export { openServerDatabase, locateDatabase, type ServerDatabase, type DatabaseLocation } from './db/connection';
export {
  decideEnrolment,
  issueEnrolmentCode,
  reinstateDevice,
  revokeDevice,
  type EnrolmentDecision,
  type EnrolmentFacts,
  type IssueCodeOptions,
} from './sync/enrol';
