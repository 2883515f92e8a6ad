/*
 * Agencies: the key names are matched by (NFKC, no white space: full-
 * and half-width brackets alike), and the level a name says it is at,
 * for agencies the config does not list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "load/agency.h"

static void
test_key(void **state)
{
	char a[AGENCY_MAX], b[AGENCY_MAX];

	(void)state;
	agency_key("青岛市 财政局", a, sizeof(a));
	agency_key("青岛市财政局", b, sizeof(b));
	assert_string_equal(a, b);
	agency_key("青岛市（财政）局", a, sizeof(a));
	agency_key("青岛市(财政)局", b, sizeof(b));
	assert_string_equal(a, b);
	agency_key("ＱＤ２０２０", a, sizeof(a));
	assert_string_equal(a, "QD2020");
	/* the city's name before a district's is no part of the key */
	agency_key("青岛市李沧区人民政府", a, sizeof(a));
	agency_key("李沧区人民政府", b, sizeof(b));
	assert_string_equal(a, b);
	agency_key("青岛市 西海岸新区 商务局", a, sizeof(a));
	assert_string_equal(a, "西海岸新区商务局");
	/* and stays where no district follows it */
	agency_key("青岛市人民政府", a, sizeof(a));
	assert_string_equal(a, "青岛市人民政府");
	agency_key("青岛市市场监督管理局", a, sizeof(a));
	assert_string_equal(a, "青岛市市场监督管理局");
	agency_key("青岛市城市管理局", a, sizeof(a));
	assert_string_equal(a, "青岛市城市管理局");
}

static void
level(const char *name, const char *want, const char *parent)
{
	char l[32], p[AGENCY_MAX];

	agency_level(name, l, sizeof(l), p, sizeof(p));
	if (strcmp(l, want) != 0 || strcmp(p, parent) != 0)
		fail_msg("%s: level %s parent %s, expected %s %s", name, l, p,
		    want, parent);
}

static void
test_level(void **state)
{
	(void)state;
	level("青岛市人民政府", "city", "");
	level("青岛市财政局", "department", "");
	level("市民营经济局", "department", "");
	level("市南区人民政府", "district", "");
	level("胶州市人民政府", "district", "");
	level("淮安市洪泽区人民政府", "district", "");
	level("市南区自然资源局", "district_department", "市南区人民政府");
	level("平度市卫生健康局", "district_department", "平度市人民政府");
	level("胶州市九龙街道办事处", "street", "胶州市人民政府");
	level("城阳区城阳街道办事处", "street", "城阳区人民政府");
	level("某某委员会", "", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_level),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
