/** The accounts module's public face: other modules and the server wiring import only this. */
export { authRoutes } from './auth.routes.js';
export { workspaceRoutes } from './workspace.routes.js';
export { createAuthenticator, startSession } from './auth.service.js';
export { createWorkspaceWithOwner, getWorkspace, parseSettings, type WorkspaceSettings } from './workspaces.service.js';
export { createApiKey } from './api-keys.service.js';
export { listMembers } from './members.service.js';
