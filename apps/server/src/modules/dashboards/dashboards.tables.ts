export interface DashboardsTable { id: string; workspace_id: string; name: string; tiles: string; created_at: string; updated_at: string }
export interface DashboardsTables { dashboards: DashboardsTable }
