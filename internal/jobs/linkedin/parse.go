package linkedin

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// card is one result of a search page, before details are fetched.
type card struct {
	id, title, company, location, link, logo, posted string
	// note is the card's timing note ("Be an early applicant"), if any.
	note     string
	postedAt *time.Time
}

// parseSearch reads a seeMoreJobPostings page: a list of <li> cards. An empty
// body means no more results. List items without the documented card
// structure mean LinkedIn changed its markup: jobs.ErrParse.
func parseSearch(r io.Reader) ([]card, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("read search page: %w", err)
	}
	items := doc.Find("li")
	if items.Length() == 0 {
		if strings.TrimSpace(doc.Find("body").Text()) == "" {
			return nil, nil
		}
		return nil, fmt.Errorf("search page has content but no result list: %w", jobs.ErrParse)
	}
	var cards []card
	var bad int
	items.Each(func(_ int, li *goquery.Selection) {
		base := li.Find(".base-card, .base-search-card, .job-search-card").First()
		if base.Length() == 0 {
			bad++
			return
		}
		c := card{
			title:    text(base.Find(".base-search-card__title")),
			company:  text(base.Find(".base-search-card__subtitle")),
			location: text(base.Find(".job-search-card__location")),
		}
		c.link, _ = base.Find("a.base-card__full-link").Attr("href")
		if c.title == "" || c.link == "" {
			bad++
			return
		}
		c.link = canonicalLink(c.link)
		c.id = postingID(base, c.link)
		if img := base.Find("img.artdeco-entity-image").First(); img.Length() > 0 {
			c.logo = attrOr(img, "data-delayed-url", attrOr(img, "src", ""))
		}
		c.note = text(base.Find(".job-posting-benefits__text"))
		t := base.Find("time").First()
		c.posted = text(t)
		if dt, ok := t.Attr("datetime"); ok {
			if p, err := time.Parse("2006-01-02", dt); err == nil {
				c.postedAt = &p
			}
		}
		cards = append(cards, c)
	})
	if len(cards) == 0 {
		return nil, fmt.Errorf("%d result items without job cards: %w", bad, jobs.ErrParse)
	}
	return cards, nil
}

// detail is what a jobPosting page adds to a card.
type detail struct {
	descriptionHTML string
	seniority       string
}

// parseDetail reads a jobs-guest jobPosting page.
func parseDetail(r io.Reader) (detail, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return detail{}, fmt.Errorf("read job page: %w", err)
	}
	markup := doc.Find(".show-more-less-html__markup").First()
	if markup.Length() == 0 {
		markup = doc.Find(".description__text").First()
	}
	if markup.Length() == 0 {
		return detail{}, fmt.Errorf("job page without description: %w", jobs.ErrParse)
	}
	h, err := markup.Html()
	if err != nil {
		return detail{}, fmt.Errorf("render description: %w", err)
	}
	d := detail{descriptionHTML: h}
	doc.Find(".description__job-criteria-item").Each(func(_ int, li *goquery.Selection) {
		if strings.EqualFold(text(li.Find(".description__job-criteria-subheader")), "Seniority level") {
			d.seniority = text(li.Find(".description__job-criteria-text"))
		}
	})
	return d, nil
}

func text(s *goquery.Selection) string {
	return strings.Join(strings.Fields(s.First().Text()), " ")
}

func attrOr(s *goquery.Selection, name, def string) string {
	if v, ok := s.Attr(name); ok && v != "" {
		return v
	}
	return def
}

// canonicalLink drops LinkedIn's tracking query from a job URL.
func canonicalLink(u string) string {
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u = u[:i]
	}
	return u
}

// postingID takes the number from data-entity-urn, or the link's trailing
// "-4341190409".
func postingID(base *goquery.Selection, link string) string {
	if urn, ok := base.Attr("data-entity-urn"); ok {
		if i := strings.LastIndexByte(urn, ':'); i >= 0 && digits(urn[i+1:]) {
			return urn[i+1:]
		}
	}
	if i := strings.LastIndexByte(link, '-'); i >= 0 && digits(link[i+1:]) {
		return link[i+1:]
	}
	return ""
}

func digits(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// seniorityLevel maps LinkedIn's "Seniority level" text to the contract.
func seniorityLevel(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "internship":
		return string(jobs.Internship)
	case "entry level":
		return string(jobs.EntryLevel)
	case "associate":
		return string(jobs.Associate)
	case "mid-senior level":
		return string(jobs.MidSenior)
	case "director":
		return string(jobs.Director)
	case "executive":
		return string(jobs.Executive)
	}
	return ""
}
