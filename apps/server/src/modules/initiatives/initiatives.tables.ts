/** Table types of the initiatives module (see migrations/2026-11-24-0016-initiatives.ts). */
export interface InitiativesTable {
  id: string;
  workspace_id: string;
  name: string;
  area: string;
  priority: string;
  why: string;
  /** JSON { min, max, currency } or null. */
  budget: string | null;
  expected_roi: number | null;
  status: string;
  value_score: number;
  cost_score: number;
  owner_id: string | null;
  launch_date: string | null;
  /** JSON ExpectedChange or null. */
  expected_change: string | null;
  /** JSON BusinessCaseInput (measured drivers already filled) or null. */
  business_case: string | null;
  /** JSON DriverMeasurement[]. */
  business_case_measured: string;
  business_case_updated_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface InitiativesTables {
  initiatives: InitiativesTable;
}
