/** Creates the browser tests' accounts in DATA_DIR (or DATABASE_URL) before the test server starts. */
import { seedUsers } from './users';

seedUsers(process.env).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
