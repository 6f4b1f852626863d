import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { entryFor, mergeFeatures, navigationFor, type Feature } from './features';
import { DisplayProvider, useDisplay } from './display';

const Page = () => null;

describe('features', () => {
  it('merge their routes, navigation (in order), widgets and slots', () => {
    const a: Feature = {
      routes: [{ path: 'a', Component: Page }],
      navigation: [{ path: '/a', label: 'a', roles: ['staff'], order: 20 }],
      slots: { s: [Page] },
    };
    const b: Feature = {
      navigation: [{ path: '/b', label: 'b', roles: ['staff', 'resident'], order: 10 }],
      widgets: [{ key: 'w', roles: ['staff'], order: 1, Component: Page }],
      slots: { s: [Page] },
    };
    const merged = mergeFeatures([a, b]);
    expect(merged.navigation.map((n) => n.path)).toEqual(['/b', '/a']);
    expect(merged.routes).toHaveLength(1);
    expect(merged.slots.s).toHaveLength(2);
    expect(navigationFor(merged.navigation, 'resident').map((n) => n.path)).toEqual(['/b']);
  });

  it('a path belongs to the deepest entry above it', () => {
    const nav = mergeFeatures([
      {
        navigation: [
          { path: '/', label: 'home', roles: ['staff'], order: 0 },
          { path: '/registry', label: 'r', roles: ['staff'], order: 1 },
          { path: '/registry/residents', label: 'rs', roles: ['staff'], order: 2 },
        ],
      },
    ]).navigation;
    expect(entryFor(nav, '/registry/residents/123')?.path).toBe('/registry/residents');
    expect(entryFor(nav, '/registry')?.path).toBe('/registry');
    expect(entryFor(nav, '/')?.path).toBe('/');
    expect(entryFor(nav, '/elsewhere')).toBeUndefined();
  });
});

describe('large-text mode', () => {
  function Probe() {
    const { largeText, setLargeText } = useDisplay();
    return (
      <button type="button" onClick={() => setLargeText(!largeText)}>
        {largeText ? 'large' : 'normal'}
      </button>
    );
  }

  it('is remembered per user', () => {
    localStorage.clear();
    const { rerender } = render(
      <DisplayProvider user="leader">
        <Probe />
      </DisplayProvider>,
    );
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('large');
    rerender(
      <DisplayProvider user="resident">
        <Probe />
      </DisplayProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('normal');
    rerender(
      <DisplayProvider user="leader">
        <Probe />
      </DisplayProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('large');
  });
});
