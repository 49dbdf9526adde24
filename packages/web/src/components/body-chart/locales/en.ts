/**
 * Strings of the shared body chart and pain-map editor (namespace 'bodyChart'), used by the
 * clinical assessment, the intake form and the session note. Zone names come from the API.
 */
export const en = {
  withSide: '{{label}}, {{side}}',
  side: { left: 'left', right: 'right' },
  chart: {
    front: 'Front',
    back: 'Back',
    frontLabel: 'Body chart, front view: the patient’s right is on your left',
    backLabel: 'Body chart, back view: the patient’s right is on your right',
    views: 'Chart views',
    sideMarker: { right: 'RIGHT', left: 'LEFT' },
    soles: 'Soles',
    otherAreas: 'Other areas',
    zoneWithIntensity: '{{label}}: {{intensity}}/10',
  },
  painMap: {
    empty: 'No areas marked yet. Mark them on the body chart.',
    intensityOf: '{{label}}: {{level}} out of 10',
  },
};
