"""Rules added for TimeML value normalisation, each on invented sentences (publication date 2012-02-08, a
Wednesday), and the spans the finder must not take."""
from __future__ import annotations

import pytest

from storyline.time.find import find_mentions

from .test_time_stage import run, value_of


def spans(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The chairman, 61 years old, will retire.", []),
        ("The island imports three-quarters of its grain.", []),
        ("It sold more than a quarter of the shares.", []),
        ("Two thousand people marched.", []),
        ("The current account deficit widened.", []),
        ("Floods struck the valley in the past three springs.", []),
        ("He missed the old days, he said.", []),
        # a period of play in a match report is not a calendar quarter; a results story's is
        ("The Colts forced a fumble late in the second quarter.", []),
        ("He hit a 3-pointer with 7:41 left in the first half.", []),
        ("Shares rose on March 3 and 4 percent the next week.", ["March 3", "the next week"]),
        # ordinals, idioms and names written like times
        ("She won a second term in the runoff.", []),
        ("For the party it was high noon.", []),
        ('The senator spoke on "This Week" about the budget.', []),
        ("He read it in USA Today.", []),
        ("He gave money to the March of Dimes.", []),
        ("BERLIN (AP) \u2014 Today the court ruled.", ["Today"]),
        ("The wall has stood since nineteen sixty-one.", ["nineteen sixty-one"]),
    ],
)
def test_ages_fractions_and_counts_are_not_time_expressions(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # years and decades spoken in words, as transcripts write them
        ("The bridge was opened in nineteen eighty-four.", "nineteen eighty-four", "1984"),
        ("The plan runs until the year two thousand.", "the year two thousand", "2000"),
        ("Old computers may fail in the year 2000.", "the year 2000", "2000"),
        ("Membership grew through the nineties.", "the nineties", "199"),
        ("The abbey dates from the 12th century.", "the 12th century", "11"),
        # a clock time with its own date
        ("The bid expires at 5 p.m. EST, Feb. 20.", "5 p.m. EST, Feb. 20", "2012-02-20T17:00"),
        # a weekday before the month and day is part of the date, which wins
        ("It began at 4:20 p.m. on Friday, Sept. 16, when the memo went out.", "4:20 p.m. on Friday, Sept. 16",
         "2011-09-16T16:20"),
        # the weekday picks the year: 14 September was a Wednesday in 2011, a Friday in 2012
        ("The process began in earnest at 4:20 p.m. on Wednesday, Sept. 14.", "4:20 p.m. on Wednesday, Sept. 14",
         "2011-09-14T16:20"),
        ("Meeting notes, Friday, Sept. 14.", "Friday, Sept. 14", "2012-09-14"),
        # a bare participle clause takes the tense of the clause it is tacked onto
        ("The vote is expected in the Senate on Wednesday, followed by the House on Thursday.", "Thursday",
         "2012-02-09"),
        ("The vote was held on Monday, followed by a rally on Tuesday.", "Tuesday", "2012-02-07"),
        ("They would appeal the decision, announced Monday by the agency.", "Monday", "2012-02-06"),
        # "overnight" is the night before the story's own day (publication, unless the story set a day)
        ("Rebels shelled the city overnight.", "overnight", "2012-02-07TNI"),
        ("London shares fell Friday after overnight losses in New York.", "overnight", "2012-02-02TNI"),
        ("The blast happened at 10:30 a.m. local time on Tuesday.", "10:30 a.m.", "2012-02-07T10:30"),
        # a weekday keeps its part of day; "the previous Friday" counts from the story's own date
        ("The ferry sank Monday night.", "Monday night", "2012-02-06TNI"),
        ("Shares closed at 12 on Jan. 19, up from the previous Friday.", "the previous Friday", "2012-01-13"),
        # quarters, halves and fiscal years
        ("Output should recover in next year's first quarter.", "next year's first quarter", "2013-Q1"),
        ("Margins narrowed in the last half of 2010.", "the last half of 2010", "2010-H2"),
        ("Sales rose in the fourth quarter. In the year-ago fourth quarter they fell.",
         "the year-ago fourth quarter", "2010-Q4"),
        ("Profit rose in the third quarter. In the 2010 quarter, it had lost money.", "the 2010 quarter", "2010-Q3"),
        ("Profit rose in the third quarter. The latest period also included a gain.", "The latest period",
         "2011-Q3"),
        ("The company expects a loss in the current fiscal year.", "the current fiscal year", "2012"),
        ("Revenue fell in the latest fiscal year.", "the latest fiscal year", "2011"),
        ("Revenue rose 4% for the year ended Nov. 30.", "the year", "P1Y"),
        ("The unit earned $3 million in the fiscal year ended Jan. 31.", "the fiscal year", "P1Y"),
        ("The unit earned $3 million in the fiscal year ended Jan. 31.", "Jan. 31", "2012-01-31"),
        ("The company's 2011 results were weak.", "2011", "2011"),
        ("Fiscal 2011 sales rose 3%.", "Fiscal 2011", "2011"),
        # an explicit day in a past report is not read as months ahead
        ("The index fell from the peak it reached on Aug. 6.", "Aug. 6", "2011-08-06"),
        ("The offer was extended to Feb. 20.", "Feb. 20", "2012-02-20"),
        ("The board approved the new fee, effective June 1.", "June 1", "2012-06-01"),
        # halves, parts of day with a day word
        ("The refugees waited 3 1/2 years for a decision.", "3 1/2 years", "P3Y6M"),
        ("The vote lasted an hour and a half.", "an hour and a half", "PT1H30M"),
        ("Shares slipped by mid-afternoon yesterday.", "mid-afternoon yesterday", "2012-02-07TAF"),
        # "current" is the present, "then current" a past time
        ("Investors fret about the current slump.", "current", "PRESENT_REF"),
        ("Holders may buy shares at the then current price.", "then current", "PAST_REF"),
        # sets: plural weekdays, "each July", and a rate after an amount
        ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
        ("The club meets on Friday nights.", "Friday nights", "XXXX-WXX-5TNI"),
        ("The village holds a fair each July.", "each July", "XXXX-07"),
        ("The merger saves $40 million a year.", "a year", "P1Y"),
        ("The dam burst in the spring of nineteen seventy-two.", "the spring of nineteen seventy-two", "1972-SP"),
        ("The strike began in March nineteen ninety-one.", "March nineteen ninety-one", "1991-03"),
        ("The mine closed in June last year.", "June last year", "2011-06"),
        # the simple present of a scheduled event looks ahead; a report in the present does not
        ("The two leaders meet Friday in Oslo.", "Friday", "2012-02-10"),
        ("The agency says Monday's vote was fair.", "Monday", "2012-02-06"),
        # a time between a reporting verb and its clause's subject dates the saying, whatever the parse says
        ("Officials said Tuesday the talks would resume.", "Tuesday", "2012-02-07"),
        ("The company said in June it would close the plant.", "June", "2011-06"),
        ("He said he would resign on Monday.", "Monday", "2012-02-13"),
        # an arrangement ("is to") looks ahead
        ("The exchange is to reopen Friday.", "Friday", "2012-02-10"),
        ("The minister is due to visit Paris on Friday.", "Friday", "2012-02-10"),
        ("The verdict is due Friday.", "Friday", "2012-02-10"),
        ("The two sides are set to meet on Friday.", "Friday", "2012-02-10"),
        # "that year" and "the following month" count from the story's own year or month
        ("The plant opened in 2003. Sales doubled that year.", "that year", "2003"),
        ("The firm was put up for sale in March 2009. The following month, it found a buyer.",
         "The following month", "2009-04"),
        # a month that qualifies a noun or an infinitive is the closest one, whatever the main verb's tense
        ("Analysts cut their forecasts after revisions to December's figures.", "December's", "2011-12"),
        ("The bank agreed to buy the insurer in March.", "March", "2012-03"),
        ("The treasury cancelled the June auction.", "June", "2012-06"),
        ("Polls show a tight race in the May elections.", "May", "2012-05"),
        ("A strike in July crippled the port.", "July", "2011-07"),
        ("The airline will double its flights by August.", "August", "2012-08"),
        # ... but a preposition under a future verb places the month ahead, even where the parse hangs it on a noun
        ("The airline will almost double its flights between Sydney and Bombay by September.", "September",
         "2012-09"),
        ("She will be named commander of the shuttle for a mission in October.", "October", "2012-10"),
        # a weekday qualifying a noun under a future verb is the closest one; a past perfect schedule is past
        ("The family will appeal Monday's ruling.", "Monday", "2012-02-06"),
        ("The offer had been scheduled to expire Friday.", "Friday", "2012-02-03"),
        # "set" schedules only as "set for" / "set to": a record set on a day is past
        ("Oil fell from the record it set on Jan. 30.", "Jan. 30", "2012-01-30"),
        ("The talks are set to resume Monday.", "Monday", "2012-02-13"),
        ("The oil index fell below the record set on Aug. 6.", "Aug. 6", "2011-08-06"),
        # "this summer" written in January or February is the summer of that calendar year
        ("The plant will reopen this summer.", "this summer", "2012-SU"),
        # a season qualified after "the"; "the quarter" before the amount it rose to
        ("Orders recovered from the low levels of the early summer.", "the early summer", "2011-SU"),
        ("Revenue rose 4% in the quarter to $2.3 billion.", "the quarter", "2011-Q4"),
        ("The shares hit a high for the year of $42.50 last week.", "the year", "2012"),
        # "in recent years" is the indefinite past; the end of the year is the year
        ("Exports have grown in recent years.", "recent years", "PAST_REF"),
        ("Exports have grown in recent days.", "recent days", "PXD"),
        ("Insurance has been a tough business in recent quarters.", "recent quarters", "PXM"),
        ("The deal should close by year-end.", "year-end", "2012"),
        ("The index has risen 4% since year-end.", "year-end", "2011"),
        ("Orders should hold up through the first two quarters of 2013.", "the first two quarters of 2013",
         "2013-H1"),
        # a year-on-year comparison in a results story is the reported quarter a year back
        ("Profit rose in the third quarter from $2 million in the corresponding period last year.",
         "the corresponding period last year", "2010-Q3"),
        ("Sales rose in the fourth quarter; last year's quarter was weak.", "last year's quarter", "2010-Q4"),
        ("Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "P9M"),
        # a perfect progressive looks back, it is not the present progressive of a plan
        ("Police have been searching for him since the Dec. 3 robbery.", "Dec. 3", "2011-12-03"),
        # "last January" written in February is a year back: the month just past would be "last month"
        ("The mill closed last January.", "last January", "2011-01"),
        ("The mill closed last November.", "last November", "2011-11"),
        ("The plant opens next March.", "next March", "2013-03"),
        # a range of months runs forward: its start is in its end's year (or the year before)
        ("From January to October, output grew 8 percent.", "January", "2011-01"),
        ("Sales between January and October 1997 rose.", "January", "1997-01"),
        ("Output reached 5 million tons in the January-September period.", "January", "2011-01"),
        ("Elections were held in January and October.", "January", "2012-01"),
        # the second day of a pair is a date in the same month; a count after "and" is not
        ("The summit will be held on April 24 and 25.", "25", "2012-04-25"),
        # vague spans of time, and counts with a qualifying adjective
        ("Rates may fall in coming weeks.", "coming weeks", "PXW"),
        ("Prices could slide in the months ahead.", "the months ahead", "PXM"),
        ("Hiring will pick up in the coming years.", "the coming years", "PXY"),
        ("Selling was heavy in past years, analysts said.", "past years", "PAST_REF"),
        ("The club has changed hands many times over the years.", "the years", "PXY"),
        ("It was the second day-long hearing.", "day-long", "P1D"),
        ("The option may be extended for an additional year.", "an additional year", "P1Y"),
        ("Shares recovered within five trading days.", "five trading days", "P5D"),
        # a quarter ahead of publication is a forecast, not the quarter being reported
        ("Sales should rise in the third quarter of 2013. In the year-ago period they rose 2%.",
         "the year-ago period", "2010-Q4"),
        ("Analysts expect the slump to continue into the first quarter. In the year-ago period, the company earned "
         "$3 million.", "the year-ago period", "2010-Q4"),
        # the reported quarter is the latest one named, unless a fiscal quarter (the company's own count) follows
        ("Profit rose 20% in the fourth quarter. After a flat third quarter, margins widened. In the year-earlier "
         "period, it lost money.", "the year-earlier period", "2010-Q4"),
        ("Profit rose in the fourth quarter. Its rival posted net income for the fiscal second quarter. The latest "
         "period included a gain.", "The latest period", "2011-Q2"),
        ("Profit rose in the fourth quarter. Its rival posted net income for the second fiscal quarter. The latest "
         "period included a gain.", "The latest period", "2011-Q2"),
    ],
)
def test_timeml_values(nlp, sentence, text, value):
    assert value_of(run(nlp, [sentence]), text) == value


def test_a_rate_is_a_set(nlp):
    article = run(nlp, ["The ferry makes four trips a week."])
    assert [(d.text, d.type, d.value) for d in article.dates] == [("a week", "SET", "P1W")]


def test_every_n_units_is_a_set(nlp):
    article = run(nlp, ["Elections are held every four years."])
    assert [(d.text, d.type, d.value) for d in article.dates] == [("four years", "SET", "P4Y")]


def test_n_days_later_is_a_duration_that_dates_its_sentence_and_moves_the_story_clock(nlp):
    article = run(nlp, ["The talks opened on Feb. 1. Three days later, the delegates walked out. The next day they "
                        "returned."])
    later = next(d for d in article.dates if d.text == "Three days")
    assert (later.type, later.value) == ("DURATION", "P3D")
    assert article.sentences[1].date == "2012-02-04"
    assert value_of(article, "The next day") == "2012-02-05"


def test_one_day_after_a_modal_is_the_future(nlp):
    assert value_of(run(nlp, ["The city will one day host the games."]), "one day") == "FUTURE_REF"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Profit rose 8% in the third quarter. Sales were $5 million, against $3 million a year earlier.", "2010-Q3"),
        # a comparison in a sentence about a longer period is with the year before, not the quarter a year back
        ("Profit rose 8% in the third quarter. For the nine months, it earned $5 million, against $3 million a year "
         "earlier.", "2010"),
    ],
)
def test_a_year_earlier_in_a_results_story(nlp, sentence, value):
    assert value_of(run(nlp, [sentence], published="2011-10-27"), "a year earlier") == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # an unnamed quarter with its end date is the calendar quarter holding most of it (May to July: the second)
        ("In the quarter ended July 31, the retailer lost $2 million.", "2011-Q2"),
        ("In the quarter ended Sept. 30, the retailer lost $2 million.", "2011-Q3"),
    ],
)
def test_the_quarter_ended_on_a_date(nlp, sentence, value):
    assert value_of(run(nlp, [sentence], published="2011-10-27"), "the quarter") == value


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # a named quarter is of the year its end date falls in: October 31 had not come yet this year
        ("In the year-ago quarter, the second quarter ended Oct. 31, the company lost money.", "the second quarter",
         "2010-Q2"),
        # a period "ending" on a day may still run: the day is the closest one, not the last one past
        ("The company expects a loss for the fourth quarter ending Dec. 31.", "Dec. 31", "2011-12-31"),
    ],
)
def test_the_end_date_of_a_period(nlp, sentence, text, value):
    assert value_of(run(nlp, [sentence], published="2011-10-27"), text) == value
