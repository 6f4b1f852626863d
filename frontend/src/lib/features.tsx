// What a feature contributes to the app: its pages, its navigation entries (with the roles that
// see them), its widgets on the home page, and pieces it adds to other features' pages through
// named slots. Each feature exports one `feature` object from `features/<name>/index.tsx`; the
// app collects them all (see app/features.ts), so adding a capability edits no central file.
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { Role } from './session';

export interface NavItem {
  path: string;
  /** Translation key of the label. */
  label: string;
  roles: Role[];
  /** The staff menu group it sits in (a NavSection key); none for a top-level entry. */
  section?: string;
  /** Position in the menu, lower first. */
  order: number;
  icon?: ReactNode;
  /** Roles for which this entry is a tab of the phone's bottom bar (beside home and "more"). */
  tab?: Role[];
}

export interface NavSection {
  key: string;
  label: string;
  icon: ReactNode;
  order: number;
}

export interface FeatureRoute {
  /** Path below the app root, without a leading slash ('' for the home page). */
  path: string;
  /** Who may open it; everyone signed in when absent. */
  roles?: Role[];
  Component: ComponentType;
}

/** A card on the home page: today's work or key figures for the roles listed. */
export interface HomeWidget {
  key: string;
  roles: Role[];
  order: number;
  Component: ComponentType;
}

export interface Feature {
  routes?: FeatureRoute[];
  navigation?: NavItem[];
  sections?: NavSection[];
  widgets?: HomeWidget[];
  /** Components this feature adds to a named place on another feature's page. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  slots?: Record<string, ComponentType<any>[]>;
}

export interface FeatureRegistry {
  navigation: NavItem[];
  sections: NavSection[];
  widgets: HomeWidget[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  slots: Record<string, ComponentType<any>[]>;
}

/** Merges the features' contributions, each list in its declared order. */
export function mergeFeatures(features: Feature[]): FeatureRegistry & { routes: FeatureRoute[] } {
  const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => a.order - b.order);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const slots: Record<string, ComponentType<any>[]> = {};
  for (const feature of features) {
    for (const [name, components] of Object.entries(feature.slots ?? {})) slots[name] = [...(slots[name] ?? []), ...components];
  }
  return {
    routes: features.flatMap((f) => f.routes ?? []),
    navigation: byOrder(features.flatMap((f) => f.navigation ?? [])),
    sections: byOrder(features.flatMap((f) => f.sections ?? [])),
    widgets: byOrder(features.flatMap((f) => f.widgets ?? [])),
    slots,
  };
}

const FeaturesContext = createContext<FeatureRegistry>({ navigation: [], sections: [], widgets: [], slots: {} });
export const FeaturesProvider = FeaturesContext.Provider;

export function useFeatures(): FeatureRegistry {
  return useContext(FeaturesContext);
}

/** The navigation entries a role sees. */
export function navigationFor(navigation: NavItem[], role: Role): NavItem[] {
  return navigation.filter((item) => item.roles.includes(role));
}

/** The entry a path belongs to: the longest entry path that is the path or a parent of it. */
export function entryFor(items: NavItem[], pathname: string): NavItem | undefined {
  return items.filter((e) => pathname === e.path || (e.path !== '/' && pathname.startsWith(`${e.path}/`))).sort((a, b) => b.path.length - a.path.length)[0];
}

/** The home widgets a role sees. */
export function useHomeWidgets(role: Role): HomeWidget[] {
  return useFeatures().widgets.filter((w) => w.roles.includes(role));
}

/** Renders what other features put into the named slot, with the given props. */
export function Slot<P extends object>({ name, props }: { name: string; props: P }) {
  const components = useFeatures().slots[name] ?? [];
  return (
    <>
      {components.map((Component, i) => (
        <Component key={i} {...props} />
      ))}
    </>
  );
}

/** Where the current page sits in the navigation, for breadcrumbs. */
export function useNavigationTrail(role: Role): { section?: NavSection; entry?: NavItem } {
  const { navigation, sections } = useFeatures();
  const { pathname } = useLocation();
  const entry = entryFor(navigationFor(navigation, role), pathname);
  const section = entry?.section ? sections.find((s) => s.key === entry.section) : undefined;
  return { section, entry };
}

/** Slot on a partner unit's page (staff's view and the partner's own): sections other features add. */
export const PARTNER_DETAILS_SLOT = 'partner.details';
export interface PartnerDetailsProps {
  partnerId: string;
  /** Staff see more (and may manage); the partner sees its own unit. */
  isStaff: boolean;
}

/** Slot at the end of a group leader's 我的值班 page (e.g. subscribing to the duty in a phone calendar). */
export const MY_DUTY_SLOT = 'duty.mine';
