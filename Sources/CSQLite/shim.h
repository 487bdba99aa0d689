#include <sqlite3.h>

/* sqlite3_db_config is variadic, which Swift cannot call: one fixed-argument wrapper
   turning on defensive mode (no writes to the schema or shadow tables, no
   journal_mode=OFF) and turning off trust in the schema (functions and virtual tables
   with side effects are not run from views, triggers or defaults). */
static inline int hallmark_sqlite3_distrust(sqlite3 *db) {
    int status = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    if (status != SQLITE_OK) return status;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
}
