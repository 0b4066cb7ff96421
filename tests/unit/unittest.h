/* unittest.h: the tiny framework shared by the unit test files. */
#ifndef UNITTEST_H
#define UNITTEST_H

extern int unit_failures;
void unit_check(int ok, const char *file, int line, const char *what);
#define CHECK(cond) unit_check(!!(cond), __FILE__, __LINE__, #cond)

/* A NULL-terminated argv from string literals. */
#define ARGS_OF(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define ARGS(...) ARGS_OF("prog", __VA_ARGS__)

void test_walk(void);
void test_spawn(void);
void test_mode(void);
void test_owner(void);
void test_hash(void);

#endif
