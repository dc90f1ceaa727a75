/* list: the article list pane (list.c). */
#ifndef TOUCHLINE_UI_LIST_H
#define TOUCHLINE_UI_LIST_H

struct view_ops;
extern const struct view_ops list_view_ops;

#endif
