import path from 'node:path';
import { PROJECT_ROOT } from '../../project-root.js';

const root = PROJECT_ROOT;
export const prismaDir = path.join(root, 'prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
