/*
 * label.h: the words a site prints before a value or on a link (发布日期,
 * 来源, 下一页, word版下载 ...) found in page text as a person reads them:
 * ASCII letters in either case (Word版下载 is word版下载), white space
 * (ASCII, U+00A0, U+3000) between any two characters or none (发布日期 is
 * 发 布 日 期).
 */
#ifndef GK_FETCH_LABEL_H
#define GK_FETCH_LABEL_H

/*
 * The first place label occurs in text, or NULL; *end (when not NULL)
 * is set just past the match.  An empty label matches nothing.
 */
const char *label_find(const char *text, const char *label,
    const char **end);
/* 1 when any of the n labels occurs in text. */
int label_any(char *const *labels, int n, const char *text);
/* Bytes of the white space character at p (0 when p is not one). */
int label_space(const char *p);

#endif
