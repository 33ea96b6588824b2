/** What tests and tools use in-process: the server, its database and the administrator's commands. */
export { createServer, type ServerOptions } from './app';
export { openServerDatabase, locateDatabase, type ServerDatabase, type DatabaseLocation } from './db/connection';
export { issueEnrolmentCode, revokeDevice, type IssueCodeOptions } from './sync/enrol';
