import { describe, expect, it } from 'vitest';
import { decideEpisodeStatus } from './decide-episode-status.ts';

describe('decideEpisodeStatus', () => {
  const episode = { status: 'open' as const, startedOn: '2026-09-01', lastVisitOn: '2026-10-01', lastContactOn: '2026-10-10' };

  it('keeps an episode open until the set number of weeks passes with no visit and no contact', () => {
    // Last activity 10 October + 6 weeks = 21 November.
    expect(decideEpisodeStatus(episode, '2026-11-20')).toEqual({ status: 'open', dropsOutOn: '2026-11-21' });
    expect(decideEpisodeStatus(episode, '2026-11-21')).toEqual({ status: 'dropped_out', droppedOutOn: '2026-11-21' });
  });

  it('counts a contact as much as a visit, and the start when there was neither', () => {
    expect(decideEpisodeStatus({ status: 'open', startedOn: '2026-11-01' }, '2026-12-01', 6)).toMatchObject({ status: 'open', dropsOutOn: '2026-12-13' });
    expect(decideEpisodeStatus({ ...episode, lastContactOn: '2026-11-15' }, '2026-12-01')).toMatchObject({ status: 'open' });
  });

  it('follows the clinic’s setting', () => {
    expect(decideEpisodeStatus(episode, '2026-11-01', 3)).toEqual({ status: 'dropped_out', droppedOutOn: '2026-10-31' });
  });

  it('never reopens a discharge or a recorded drop-out', () => {
    expect(decideEpisodeStatus({ ...episode, status: 'discharged' }, '2027-06-01')).toEqual({ status: 'discharged' });
    expect(decideEpisodeStatus({ ...episode, status: 'dropped_out' }, '2026-10-12', 52)).toMatchObject({ status: 'dropped_out' });
  });
});
