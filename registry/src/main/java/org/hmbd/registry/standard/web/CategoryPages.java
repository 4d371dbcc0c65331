package org.hmbd.registry.standard.web;

import java.util.ArrayList;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Problems;
import org.hmbd.registry.standard.Categories;
import org.hmbd.registry.standard.Category;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The standard-system framework: the category tree, public; the standards administration adds
 * categories and renames, reorders or moves them (never into their own subtree).
 */
@Page
@Controller
class CategoryPages {

    private final Categories categories;
    private final Problems problems;

    CategoryPages(Categories categories, Problems problems) {
        this.categories = categories;
        this.problems = problems;
    }

    /** A category as a row of the tree: its depth for the indent. */
    record Row(Category category, int depth) {
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/categories")
    String tree(Actor viewer, Model model) {
        return page(viewer, model, null);
    }

    @Permits(Permission.CATEGORIES_MANAGE)
    @PostMapping("/categories")
    String create(Actor actor, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String parentCode, @RequestParam(required = false) String nameZh,
                  @RequestParam(required = false) String nameEn, @RequestParam(required = false) Integer sortOrder,
                  Model model) {
        try {
            categories.create(actor, new Categories.CategoryRequest(Forms.blank(code), Forms.blank(parentCode),
                    Forms.blank(nameZh), Forms.blank(nameEn), sortOrder));
        } catch (DomainException e) {
            return page(actor, model, problems.text(e.detail()));
        }
        return "redirect:/categories";
    }

    @Permits(Permission.CATEGORIES_MANAGE)
    @PostMapping("/categories/{code}")
    String update(Actor actor, @PathVariable String code, @RequestParam(required = false) String parentCode,
                  @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
                  @RequestParam(required = false) Integer sortOrder, Model model) {
        try {
            categories.update(actor, code, new Categories.CategoryRequest(code, Forms.blank(parentCode),
                    Forms.blank(nameZh), Forms.blank(nameEn), sortOrder));
        } catch (DomainException e) {
            if (e.errorCode() == org.hmbd.registry.shared.ErrorCode.NOT_FOUND) {
                throw e;
            }
            return page(actor, model, problems.text(e.detail()));
        }
        return "redirect:/categories";
    }

    private String page(Actor viewer, Model model, String failure) {
        List<Row> rows = new ArrayList<>();
        flatten(categories.tree(), 0, rows);
        model.addAttribute("rows", rows);
        model.addAttribute("manages", viewer != null && viewer.has(Role.STANDARDS_ADMIN));
        model.addAttribute("failure", failure);
        return "standards/categories";
    }

    private static void flatten(List<Category> nodes, int depth, List<Row> out) {
        for (Category c : nodes) {
            out.add(new Row(c, depth));
            flatten(c.children(), depth + 1, out);
        }
    }
}
