import { describe, expect, it } from 'vitest';
import { leavesBoundary } from '../../src/load/boundary';

describe('leavesBoundary', () => {
  const repo = { folder: '/repo/arguments', root: '/repo' };

  it('lets a link lead anywhere in the repository', () => {
    expect(leavesBoundary('/repo/arguments/a.yaml', repo)).toBeUndefined();
    expect(leavesBoundary('/repo/shared/deep/common.yaml', repo)).toBeUndefined();
  });

  it('refuses a real path outside it, or one that only starts with its name', () => {
    expect(leavesBoundary('/home/me/.npmrc', repo)).toBe('outside');
    expect(leavesBoundary('/repository/a.yaml', repo)).toBe('outside');
    expect(leavesBoundary('/repo', repo)).toBe('outside');
  });

  it('refuses hidden files and folders and node_modules below the root, which no walk searches', () => {
    expect(leavesBoundary('/repo/.git/config', repo)).toBe('hidden');
    expect(leavesBoundary('/repo/.env', repo)).toBe('hidden');
    expect(leavesBoundary('/repo/arguments/.secret.yaml', repo)).toBe('hidden');
    expect(leavesBoundary('/repo/node_modules/pkg/a.yaml', repo)).toBe('hidden');
  });

  it('counts no part of the searched folder itself: a hidden folder named on the command line is searched', () => {
    const hidden = { folder: '/repo/.maps', root: '/repo' };
    expect(leavesBoundary('/repo/.maps/a.yaml', hidden)).toBeUndefined();
    expect(leavesBoundary('/repo/.maps/.git/config', hidden)).toBe('hidden');
    expect(leavesBoundary('/repo/.git/config', hidden)).toBe('hidden');
  });
});
