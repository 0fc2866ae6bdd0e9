// Command barefiber serves the baselines that scripts/bench-http.sh measures
// our server against in the same run: a bare Fiber hello-world, and a bare
// net/http one (our front is net/http, so the two split the overhead).
package main

import (
	"flag"
	"log"
	"net/http"

	"github.com/gofiber/fiber/v2"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18081", "listen address")
	netHTTP := flag.Bool("nethttp", false, "serve with net/http instead of Fiber")
	flag.Parse()
	if *netHTTP {
		http.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"status":"ok"}`))
		})
		log.Fatal(http.ListenAndServe(*addr, nil))
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/health", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok"}) })
	log.Fatal(app.Listen(*addr))
}
