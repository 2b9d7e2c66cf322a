"""The session_state keys that more than one component reads: the sidebar's filters
(``filters``), the meeting bar (``meeting``, ``layout``) and the page context (``context``).

``flt_*`` hold a choice across pages and reruns; ``w_*`` are the widgets' own keys, which
Streamlit drops when a page does not draw the widget. Their names live here only."""

FLT_AS_OF = "flt_as_of"  # the 统计截止日期 in force
FLT_AS_OF_SEEDED = "flt_as_of_seeded"  # the natural as-of date the field was last seeded with
FLT_AS_OF_TYPED = "flt_as_of_typed"  # a date the user typed, kept until the year changes
FLT_GROUP = "flt_group"  # the 中心组 chosen; the overview's drill-down sets it
FLT_HIDE = "flt_hide"  # names hidden (成员N) on screen
FLT_LANG = "flt_lang"  # the language, 中文 or English
FLT_MEETING = "flt_meeting"  # meeting mode on
FLT_MEETING_NAMES = "flt_meeting_names"  # names shown in meeting mode (the presenter's choice)
FLT_YEAR = "flt_year"  # the 年度 chosen (kept across pages, unlike the widget's own key)
W_AS_OF = "w_as_of"  # the date widget
W_HIDE = "w_hide"  # the hide-names widget
W_LANG = "w_lang"  # the language widget
W_MEETING = "w_meeting"  # the meeting-mode widget
W_MEETING_NAMES = "w_meeting_names"  # the meeting bar's show-names widget
W_YEAR = "w_year"  # the 年度 widget
