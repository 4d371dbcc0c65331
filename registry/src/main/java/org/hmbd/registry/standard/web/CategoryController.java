package org.hmbd.registry.standard.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import java.net.URI;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.standard.Categories;
import org.hmbd.registry.standard.Category;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The standard-system framework tree. */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping
    List<Category> tree() {
        return categories.tree();
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/{code}")
    Category get(@PathVariable String code) {
        return categories.get(code);
    }

    @Permits(Permission.CATEGORIES_MANAGE)
    @PostMapping
    ResponseEntity<Category> create(Actor actor, @RequestBody Categories.CategoryRequest req) {
        Category c = categories.create(actor, req);
        return ResponseEntity.created(URI.create("/api/v1/categories/" + c.code())).body(c);
    }

    @Permits(Permission.CATEGORIES_MANAGE)
    @PutMapping("/{code}")
    Category update(Actor actor, @PathVariable String code, @RequestBody Categories.CategoryRequest req) {
        return categories.update(actor, code, req);
    }
}
