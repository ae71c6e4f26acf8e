import type { VerifyReport } from '../bindings/VerifyReport';
import { call } from './call';
import type { WorkspaceInfo } from './types';

export const workspaceInfo = () => call<WorkspaceInfo>('workspace_info');
export const workspaceOpen = (path: string) => call<WorkspaceInfo>('workspace_open', { path });
export const workspaceCreate = (path: string) => call<WorkspaceInfo>('workspace_create', { path });
/** Null when the person cancels the native dialog. */
export const workspacePickOpen = () => call<WorkspaceInfo | null>('workspace_pick_open');
export const workspacePickCreate = () => call<WorkspaceInfo | null>('workspace_pick_create');
export const workspaceLoadDemo = () => call<WorkspaceInfo>('workspace_load_demo');
export const actorSet = (personId: string) => call<WorkspaceInfo>('actor_set', { personId });
export const workspaceVerify = () => call<VerifyReport>('workspace_verify');
