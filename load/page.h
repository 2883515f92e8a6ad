/*
 * page.h: the overview sections of index.html, from the store (page.c):
 * reports per year and template, the charts of requests and outcomes per
 * year and per agency (sums over the distinct reports), the reports whose
 * checks fail, the documents that could not be read.
 */
#ifndef GK_LOAD_PAGE_H
#define GK_LOAD_PAGE_H

#include <stdio.h>

#include "db.h"

int page_sections(sqlite3 *, FILE *);

#endif
