// Every feature's contributions, collected from `features/*/index.tsx`: a new capability adds
// its folder and nothing here changes.
import { mergeFeatures, type Feature } from '@/lib/features';

const modules = import.meta.glob<Feature>('../features/*/index.tsx', { eager: true, import: 'feature' });

export const FEATURES = mergeFeatures(Object.values(modules));
