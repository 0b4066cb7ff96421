/* walk.c: tests of walk_tree(). */
#include "libbb.h"
#include "unittest.h"

void test_walk(void)
{
}
