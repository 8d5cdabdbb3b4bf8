/**
 * Workspace pages, one row per route. Pages load lazily so the first screen only downloads the
 * shell; the results page (ECharts) and the builder (survey preview) come when opened.
 */
import { lazy, type ReactNode } from 'react';
import type { Params } from './router';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType<never>>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as React.ComponentType<Record<string, unknown>> }));

const HomePage = named(() => import('../features/home/HomePage'), 'HomePage');
const SurveyListPage = named(() => import('../features/surveys/SurveyListPage'), 'SurveyListPage');
const BuilderPage = named(() => import('../features/surveys/builder/BuilderPage'), 'BuilderPage');
const SharePage = named(() => import('../features/surveys/share/SharePage'), 'SharePage');
const ResultsPage = named(() => import('../features/surveys/results/ResultsPage'), 'ResultsPage');
const SettingsPage = named(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const DashboardsPage = named(() => import('../features/dashboards/DashboardsPage'), 'DashboardsPage');
const AlertsPage = named(() => import('../features/alerts/AlertsPage'), 'AlertsPage');
const TextsPage = named(() => import('../features/text/TextsPage'), 'TextsPage');
const CustomersPage = named(() => import('../features/customers/CustomersPage'), 'CustomersPage');
const CustomerProfilePage = named(() => import('../features/customers/CustomerProfilePage'), 'CustomerProfilePage');
const SegmentPage = named(() => import('../features/customers/SegmentPage'), 'SegmentPage');
const CasesInboxPage = named(() => import('../features/cases/CasesInboxPage'), 'CasesInboxPage');
const CasePage = named(() => import('../features/cases/CasePage'), 'CasePage');
const CaseSetupPage = named(() => import('../features/cases/settings/CaseSetupPage'), 'CaseSetupPage');
const LoopMetricsPage = named(() => import('../features/cases/loop/LoopMetricsPage'), 'LoopMetricsPage');
const CompetitorsPage = named(() => import('../features/competitors/CompetitorsPage'), 'CompetitorsPage');
const CompetitorPage = named(() => import('../features/competitors/CompetitorPage'), 'CompetitorPage');
const GapAnalysesPage = named(() => import('../features/strategy/GapAnalysesPage'), 'GapAnalysesPage');
const GapAnalysisPage = named(() => import('../features/strategy/GapAnalysisPage'), 'GapAnalysisPage');
const PortfolioPage = named(() => import('../features/initiatives/PortfolioPage'), 'PortfolioPage');
const InitiativePage = named(() => import('../features/initiatives/InitiativePage'), 'InitiativePage');
const GoalsPage = named(() => import('../features/strategy/GoalsPage'), 'GoalsPage');
const MarketWorksheetsPage = named(() => import('../features/strategy/MarketWorksheetsPage'), 'MarketWorksheetsPage');
const MarketWorksheetPage = named(() => import('../features/strategy/MarketWorksheetPage'), 'MarketWorksheetPage');

export interface WorkspaceRoute {
  pattern: string;
  render: (params: Params) => ReactNode;
}

export const WORKSPACE_ROUTES: WorkspaceRoute[] = [
  { pattern: '/w/:wid', render: () => <HomePage /> },
  { pattern: '/w/:wid/surveys', render: () => <SurveyListPage /> },
  { pattern: '/w/:wid/surveys/new', render: () => <BuilderPage key="new" /> },
  { pattern: '/w/:wid/surveys/:sid/edit', render: (p) => <BuilderPage key={p.sid} surveyId={p.sid} /> },
  { pattern: '/w/:wid/surveys/:sid/share', render: (p) => <SharePage key={p.sid} surveyId={p.sid} /> },
  { pattern: '/w/:wid/surveys/:sid/results', render: (p) => <ResultsPage key={p.sid} surveyId={p.sid} /> },
  { pattern: '/w/:wid/settings/:section', render: (p) => <SettingsPage section={p.section} /> },
  { pattern: '/w/:wid/dashboards', render: () => <DashboardsPage /> },
  { pattern: '/w/:wid/dashboards/:id', render: (p) => <DashboardsPage dashboardId={p.id} /> },
  { pattern: '/w/:wid/alerts', render: () => <AlertsPage /> },
  { pattern: '/w/:wid/texts', render: () => <TextsPage /> },
  { pattern: '/w/:wid/customers', render: () => <CustomersPage /> },
  { pattern: '/w/:wid/customers/:id', render: (p) => <CustomerProfilePage key={p.id} customerId={p.id} /> },
  { pattern: '/w/:wid/segments/new', render: () => <SegmentPage key="new" /> },
  { pattern: '/w/:wid/segments/:id', render: (p) => <SegmentPage key={p.id} segmentId={p.id} /> },
  { pattern: '/w/:wid/cases', render: () => <CasesInboxPage /> },
  // Before :caseId, which would otherwise take 'loop' for a case id ('setup' and 'loop' are never case ids).
  { pattern: '/w/:wid/cases/setup/:section', render: (p) => <CaseSetupPage section={p.section} /> },
  { pattern: '/w/:wid/cases/setup', render: () => <CaseSetupPage section="rules" /> },
  { pattern: '/w/:wid/cases/loop', render: () => <LoopMetricsPage /> },
  { pattern: '/w/:wid/cases/:caseId', render: (p) => <CasePage key={p.caseId} caseId={p.caseId} /> },
  { pattern: '/w/:wid/competitors', render: () => <CompetitorsPage /> },
  { pattern: '/w/:wid/competitors/:id', render: (p) => <CompetitorPage key={p.id} competitorId={p.id} /> },
  { pattern: '/w/:wid/gap-analyses', render: () => <GapAnalysesPage /> },
  { pattern: '/w/:wid/gap-analyses/:id', render: (p) => <GapAnalysisPage key={p.id} analysisId={p.id} /> },
  { pattern: '/w/:wid/initiatives', render: () => <PortfolioPage /> },
  { pattern: '/w/:wid/initiatives/:id', render: (p) => <InitiativePage key={p.id} initiativeId={p.id} /> },
  { pattern: '/w/:wid/goals', render: () => <GoalsPage /> },
  { pattern: '/w/:wid/target-market', render: () => <MarketWorksheetsPage /> },
  { pattern: '/w/:wid/target-market/:id', render: (p) => <MarketWorksheetPage key={p.id} worksheetId={p.id} /> },
];
