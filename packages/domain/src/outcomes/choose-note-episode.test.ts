import { describe, expect, it } from 'vitest';
import { chooseNoteEpisode } from './choose-note-episode.ts';

const regionZones = { cervical: ['posterior_neck', 'occiput'], lumbar: ['low_back', 'buttock'], pelvis_hip: ['buttock', 'lateral_hip'] };
const neck = { id: 'e-neck', region: 'cervical' };
const back = { id: 'e-back', region: 'lumbar' };
const hip = { id: 'e-hip', region: 'pelvis_hip' };
const refines = { upper_posterior_neck: 'posterior_neck' };

describe('chooseNoteEpisode', () => {
  it('uses the only open episode, whatever the pain map says', () => {
    expect(chooseNoteEpisode({ openEpisodes: [neck], noteZones: [], regionZones, refines })).toBe('e-neck');
  });

  it('picks the episode whose region the pain map marks, reading refined zones as the zone they refine', () => {
    expect(chooseNoteEpisode({ openEpisodes: [neck, back], noteZones: ['low_back'], regionZones, refines })).toBe('e-back');
    expect(chooseNoteEpisode({ openEpisodes: [neck, back], noteZones: ['upper_posterior_neck'], regionZones, refines })).toBe('e-neck');
  });

  it('places nothing when the pain map does not pick exactly one episode', () => {
    expect(chooseNoteEpisode({ openEpisodes: [neck, back], noteZones: [], regionZones, refines })).toBeUndefined();
    expect(chooseNoteEpisode({ openEpisodes: [back, hip], noteZones: ['buttock'], regionZones, refines })).toBeUndefined();
    expect(chooseNoteEpisode({ openEpisodes: [], noteZones: ['low_back'], regionZones, refines })).toBeUndefined();
  });
});
